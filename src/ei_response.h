/*
 * Upstream responses (SPEC section 6): is an error body the upstream's own
 * GenericApiResponse.
 *
 * Plain C: nothing here knows nginx.
 */

#ifndef EI_RESPONSE_H
#define EI_RESPONSE_H

#include <stddef.h>


/* 1 when body is one JSON object with a boolean "success", 0 otherwise */
int ei_api_response_check(const unsigned char *body, size_t len);

#endif /* EI_RESPONSE_H */
