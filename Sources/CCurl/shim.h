// libcurl (Debian's libcurl4-openssl-dev): HTTPS with SPNEGO/Kerberos (GSS-API), NTLM and Basic, for --connect.
#include <curl/curl.h>
