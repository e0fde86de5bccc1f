/*
 * Upstream responses (README "Responses"): is an error body the upstream's own
 * GenericApiResponse.
 *
 * Plain C: nothing here knows nginx.
 */

#ifndef EI_RESPONSE_H
#define EI_RESPONSE_H

#include <stddef.h>


/* 1 when body is one JSON object with a boolean "success", 0 otherwise */
int ei_api_response_check(const unsigned char *body, size_t len);

/*
 * The short reason sent for an error status that nginx or the upstream
 * produced (a NUL-terminated constant; *len is its length).  A status
 * without a text of its own gets its class's: 4xx "bad request", 5xx
 * "internal server error".
 */
const char *ei_status_text(int status, size_t *len);

#endif /* EI_RESPONSE_H */
