// libcurl loaded on first use, and typed wrappers for its variadic calls (see curlshim.h).
#include "curlshim.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/// The functions cmsh calls, looked up once in libcurl.so.4.
static struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    void (*easy_reset)(CURL *);
    CURLcode (*easy_perform)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_failure[512];
static int loaded;

static int find(void *library, void **slot, const char *name) {
    *slot = dlsym(library, name);
    if (*slot) return 1;
    snprintf(load_failure, sizeof load_failure, "libcurl.so.4 has no function %s (too old a libcurl?)", name);
    return 0;
}

static void load_curl(void) {
    // CMSH_LIBCURL names another libcurl (one built with other options, or installed elsewhere).
    const char *path = getenv("CMSH_LIBCURL");
    if (!path || !*path) path = "libcurl.so.4";
    void *library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *why = dlerror();
        snprintf(load_failure, sizeof load_failure, "%s", why ? why : "libcurl could not be loaded");
        return;
    }
    if (!find(library, (void **)&curl.global_init, "curl_global_init")
        || !find(library, (void **)&curl.easy_init, "curl_easy_init")
        || !find(library, (void **)&curl.easy_cleanup, "curl_easy_cleanup")
        || !find(library, (void **)&curl.easy_reset, "curl_easy_reset")
        || !find(library, (void **)&curl.easy_perform, "curl_easy_perform")
        || !find(library, (void **)&curl.easy_strerror, "curl_easy_strerror")
        || !find(library, (void **)&curl.easy_setopt, "curl_easy_setopt")
        || !find(library, (void **)&curl.easy_getinfo, "curl_easy_getinfo")
        || !find(library, (void **)&curl.slist_append, "curl_slist_append")
        || !find(library, (void **)&curl.slist_free_all, "curl_slist_free_all")) return;
    // curl_global_init is not thread-safe: here it runs once, under pthread_once.
    if (curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        snprintf(load_failure, sizeof load_failure, "curl_global_init failed");
        return;
    }
    loaded = 1;
}

int cmsh_curl_load(const char **reason) {
    pthread_once(&load_once, load_curl);
    if (!loaded && reason) *reason = load_failure;
    return loaded ? 0 : -1;
}

CURL *cmsh_curl_easy_init(void) { return curl.easy_init(); }
void cmsh_curl_easy_cleanup(CURL *handle) { curl.easy_cleanup(handle); }
void cmsh_curl_easy_reset(CURL *handle) { curl.easy_reset(handle); }
CURLcode cmsh_curl_easy_perform(CURL *handle) { return curl.easy_perform(handle); }
const char *cmsh_curl_easy_strerror(CURLcode code) { return curl.easy_strerror(code); }
struct curl_slist *cmsh_curl_slist_append(struct curl_slist *list, const char *text) { return curl.slist_append(list, text); }
void cmsh_curl_slist_free_all(struct curl_slist *list) { curl.slist_free_all(list); }


CURLcode cmsh_curl_set_long(CURL *handle, CURLoption option, long value) { return curl.easy_setopt(handle, option, value); }
CURLcode cmsh_curl_set_string(CURL *handle, CURLoption option, const char *value) { return curl.easy_setopt(handle, option, value); }
CURLcode cmsh_curl_set_headers(CURL *handle, struct curl_slist *headers) { return curl.easy_setopt(handle, CURLOPT_HTTPHEADER, headers); }

CURLcode cmsh_curl_set_body(CURL *handle, const char *data, long length) {
    CURLcode rc = curl.easy_setopt(handle, CURLOPT_POSTFIELDSIZE, length);
    return rc != CURLE_OK ? rc : curl.easy_setopt(handle, CURLOPT_COPYPOSTFIELDS, data ? data : "");
}

CURLcode cmsh_curl_set_receivers(CURL *handle, cmsh_curl_data_fn body, cmsh_curl_data_fn header, void *context) {
    CURLcode rc;
    if ((rc = curl.easy_setopt(handle, CURLOPT_WRITEFUNCTION, body)) != CURLE_OK) return rc;
    if ((rc = curl.easy_setopt(handle, CURLOPT_WRITEDATA, context)) != CURLE_OK) return rc;
    if ((rc = curl.easy_setopt(handle, CURLOPT_HEADERFUNCTION, header)) != CURLE_OK) return rc;
    return curl.easy_setopt(handle, CURLOPT_HEADERDATA, context);
}

CURLcode cmsh_curl_set_progress(CURL *handle, cmsh_curl_progress_fn progress, void *context) {
    CURLcode rc;
    if ((rc = curl.easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, progress)) != CURLE_OK) return rc;
    if ((rc = curl.easy_setopt(handle, CURLOPT_XFERINFODATA, context)) != CURLE_OK) return rc;
    return curl.easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
}

long cmsh_curl_response_code(CURL *handle) {
    long code = 0;
    curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code);
    return code;
}

const char *cmsh_curl_peer_certificate(CURL *handle) {
    struct curl_certinfo *info = NULL;
    if (curl.easy_getinfo(handle, CURLINFO_CERTINFO, &info) != CURLE_OK || info == NULL || info->num_of_certs < 1) return NULL;
    for (struct curl_slist *field = info->certinfo[0]; field; field = field->next) {
        if (strncmp(field->data, "Cert:", 5) == 0) return field->data + 5;
    }
    return NULL;
}
