/*
 * Upstream responses: an error that Studio itself phrased as a
 * GenericApiResponse is passed to the client as it is.
 */

#include <jansson.h>

#include "ei_response.h"


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
