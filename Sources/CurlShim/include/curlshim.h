// libcurl for --connect, loaded on first use (dlopen) rather than linked: linked, its thirty-odd libraries (TLS,
// Kerberos, LDAP, HTTP/2…) were loaded and relocated at every cmsh start, a third of a `cmsh -c` that never
// connects anywhere. Also typed wrappers for the variadic calls (curl_easy_setopt, curl_easy_getinfo), which
// Swift cannot call. Only <curl/curl.h>'s types and constants are used at compile time.
#ifndef CMSH_CURLSHIM_H
#define CMSH_CURLSHIM_H
#include <curl/curl.h>

typedef size_t (*cmsh_curl_data_fn)(char *data, size_t size, size_t count, void *context);
typedef int (*cmsh_curl_progress_fn)(void *context, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow);

/// Loads libcurl.so.4 (or the library $CMSH_LIBCURL names) and runs curl_global_init, once per process; 0 when libcurl is there, else -1 with
/// `*reason` saying why (the library or one of its functions is missing). Call before any other function here.
int cmsh_curl_load(const char **reason);
CURL *cmsh_curl_easy_init(void);
void cmsh_curl_easy_cleanup(CURL *handle);
void cmsh_curl_easy_reset(CURL *handle);
CURLcode cmsh_curl_easy_perform(CURL *handle);
const char *cmsh_curl_easy_strerror(CURLcode code);
struct curl_slist *cmsh_curl_slist_append(struct curl_slist *list, const char *text);
void cmsh_curl_slist_free_all(struct curl_slist *list);

CURLcode cmsh_curl_set_long(CURL *handle, CURLoption option, long value);
CURLcode cmsh_curl_set_string(CURL *handle, CURLoption option, const char *value);
CURLcode cmsh_curl_set_headers(CURL *handle, struct curl_slist *headers);
CURLcode cmsh_curl_set_body(CURL *handle, const char *data, long length);
/// The response body and header lines go to these functions with `context`.
CURLcode cmsh_curl_set_receivers(CURL *handle, cmsh_curl_data_fn body, cmsh_curl_data_fn header, void *context);
/// Called often during a transfer; a non-zero return aborts it (Ctrl-C, the time limit).
CURLcode cmsh_curl_set_progress(CURL *handle, cmsh_curl_progress_fn progress, void *context);
long cmsh_curl_response_code(CURL *handle);
/// The server certificate chain's first PEM (needs CURLOPT_CERTINFO), or NULL; valid until the next transfer.
const char *cmsh_curl_peer_certificate(CURL *handle);
#endif
