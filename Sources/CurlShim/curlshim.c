// Typed wrappers for libcurl's variadic calls (see curlshim.h).
#include "curlshim.h"
#include <string.h>

CURLcode cmsh_curl_set_long(CURL *handle, CURLoption option, long value) { return curl_easy_setopt(handle, option, value); }
CURLcode cmsh_curl_set_string(CURL *handle, CURLoption option, const char *value) { return curl_easy_setopt(handle, option, value); }
CURLcode cmsh_curl_set_headers(CURL *handle, struct curl_slist *headers) { return curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers); }

CURLcode cmsh_curl_set_body(CURL *handle, const char *data, long length) {
    CURLcode rc = curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE, length);
    return rc != CURLE_OK ? rc : curl_easy_setopt(handle, CURLOPT_COPYPOSTFIELDS, data ? data : "");
}

CURLcode cmsh_curl_set_receivers(CURL *handle, cmsh_curl_data_fn body, cmsh_curl_data_fn header, void *context) {
    CURLcode rc;
    if ((rc = curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, body)) != CURLE_OK) return rc;
    if ((rc = curl_easy_setopt(handle, CURLOPT_WRITEDATA, context)) != CURLE_OK) return rc;
    if ((rc = curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, header)) != CURLE_OK) return rc;
    return curl_easy_setopt(handle, CURLOPT_HEADERDATA, context);
}

CURLcode cmsh_curl_set_progress(CURL *handle, cmsh_curl_progress_fn progress, void *context) {
    CURLcode rc;
    if ((rc = curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, progress)) != CURLE_OK) return rc;
    if ((rc = curl_easy_setopt(handle, CURLOPT_XFERINFODATA, context)) != CURLE_OK) return rc;
    return curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
}

long cmsh_curl_response_code(CURL *handle) {
    long code = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code);
    return code;
}

const char *cmsh_curl_peer_certificate(CURL *handle) {
    struct curl_certinfo *info = NULL;
    if (curl_easy_getinfo(handle, CURLINFO_CERTINFO, &info) != CURLE_OK || info == NULL || info->num_of_certs < 1) return NULL;
    for (struct curl_slist *field = info->certinfo[0]; field; field = field->next) {
        if (strncmp(field->data, "Cert:", 5) == 0) return field->data + 5;
    }
    return NULL;
}
