/*
 * Strength estimate of an hmacKey (README "How hmacKey strength is
 * estimated").
 *
 * Plain C: nothing here knows nginx.
 */

#ifndef EI_STRENGTH_H
#define EI_STRENGTH_H

#include <stddef.h>

#include "ei_reason.h"


typedef struct {
    size_t    max_length;       /* ei_hmac_key_max_length, bytes */
    unsigned  min_bits;         /* ei_hmac_key_min_bits */
} ei_strength_policy_t;


/*
 * Estimated strength of key in bits, rounded down; 0 for an empty key or one
 * with a byte outside printable ASCII without space (0x21-0x7E).
 */
unsigned ei_strength_bits(const unsigned char *key, size_t len);

/*
 * Applies every rule on the key's content and length.  Returns EI_OK, or
 * EI_REJECT_WEAK_KEY with v->msg naming the rule that failed, for example
 * "hmacKey is too weak: about 64 bits, at least 128 required".
 * The text never contains any part of the key.  *bits receives the estimate
 * when bits is not NULL.
 */
ei_reason_t ei_strength_check(const unsigned char *key, size_t len,
    const ei_strength_policy_t *policy, unsigned *bits, ei_verdict_t *v);

#endif /* EI_STRENGTH_H */
