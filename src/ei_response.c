/*
 * Upstream responses: an error that Studio itself phrased as a
 * GenericApiResponse is passed to the client as it is.
 */

#include <string.h>

#include <jansson.h>

#include "ei_response.h"


typedef struct {
    int          status;
    const char  *text;
} ei_status_text_t;


static const ei_status_text_t  ei_status_texts[] = {
    { 400, "bad request" },
    { 401, "authentication required" },
    { 403, "forbidden" },
    { 404, "not found" },
    { 405, "method not allowed: use POST" },
    { 408, "request timed out" },
    { 413, "request body is too large" },
    { 414, "request target too long" },
    { 429, "too many requests" },
    { 500, "internal server error" },
    { 501, "not implemented" },
    { 502, "upstream is unavailable" },
    { 503, "service unavailable" },
    { 504, "upstream timed out" },
    { 0, NULL }
};


int
ei_api_response_check(const unsigned char *body, size_t len)
{
    int            ok;
    json_t        *root;
    json_error_t   err;

    if (len == 0) {
        return 0;
    }

    root = json_loadb((const char *) body, len, JSON_REJECT_DUPLICATES, &err);

    if (root == NULL) {
        return 0;
    }

    ok = json_is_object(root) && json_is_boolean(json_object_get(root,
                                                                 "success"));
    json_decref(root);

    return ok;
}


const char *
ei_status_text(int status, size_t *len)
{
    const ei_status_text_t  *st;

    for ( ;; ) {
        for (st = ei_status_texts; st->status; st++) {
            if (st->status == status) {
                *len = strlen(st->text);
                return st->text;
            }
        }

        status = (status >= 500) ? 500 : 400;
    }
}
