/*
 * The AddHmacKeyRequest body: JSON, schema, key rules, canonical form
 * (README "What a request goes through", steps 7-10).
 *
 * Plain C: nothing here knows nginx.
 */

#ifndef EI_BODY_H
#define EI_BODY_H

#include <stddef.h>

#include "ei_reason.h"
#include "ei_crypto.h"
#include "ei_denylist.h"
#include "ei_strength.h"


/*
 * Most JSON values a body may hold in all (README "Performance"): an
 * AddHmacKeyRequest has four.  Past this, jansson is not asked to build
 * more, and the body is refused as "invalid JSON: too many values".
 */
#define EI_BODY_MAX_VALUES  256


typedef struct {
    size_t                 name_max_length;   /* ei_hmac_name_max_length */
    ei_strength_policy_t   strength;
    const ei_denylist_t   *denylist;          /* NULL: none */
    int                    reject_unknown;    /* ei_hmac_unknown_fields */
    int                    allow_dev_keys;    /* ei_hmac_development_keys */

    /*
     * 1: SHA-256 of the key only when the denylist or a refusal needs it;
     * an accepted key's fingerprint is left for ei_body_key_fingerprint,
     * when and if it is read.  0: always made (res->fingerprint).
     */
    int                    lazy_fingerprint;
} ei_body_policy_t;


typedef struct {
    /* canonical compact JSON of the three fields, in out */
    unsigned char  *canonical;
    size_t          canonical_len;

    /* the name, unescaped, in out after the canonical body; NULL if unknown */
    unsigned char  *name;
    size_t          name_len;

    /* set once the key has passed the strength rules; "" otherwise */
    char            fingerprint[EI_FINGERPRINT_LEN + 1];

    /* on EI_OK, where the key is in the canonical body, escaped */
    size_t          key_at;
    size_t          key_len;

    /* bytes of out written: what the caller has to cleanse */
    size_t          out_used;

    int             dev_key;
    unsigned        key_bits;
} ei_body_result_t;


/*
 * Sets jansson's allocator, since parsed strings hold the hmacKey: during
 * ei_body_check an arena, cleansed once when the body has been checked;
 * otherwise malloc, each block cleansed before it is freed.  Global: call
 * once per process.  The process must check one body at a time (an nginx
 * worker does).
 */
void ei_body_init(void);

/*
 * Most bytes one parse may take from the arena, 0 (the default) for no
 * limit but the system's; a parse that needs more fails the check as
 * EI_ERROR_INTERNAL.  For tests of that path.
 */
void ei_body_set_parse_memory(size_t max);

/* 1 when the arena's memory holds these bytes anywhere; for tests */
int ei_body_arena_holds(const unsigned char *bytes, size_t len);

/* capacity of out that ei_body_check needs for a body of len bytes */
size_t ei_body_out_size(size_t len);

/*
 * Checks the body in the order of README "What a request goes through", steps
 * 7 to 10: JSON, schema, key strength, denylist, development key. Returns
 * EI_OK with res filled, or the reason with v->msg set (res->name may still be
 * set once the name passed the schema); EI_ERROR_INTERNAL when the body could
 * not be checked (no memory, no digest, out too small).  Nothing of the
 * hmacKey is left in memory this function allocated; out holds the key inside
 * the canonical body on success and is the caller's to cleanse.
 */
ei_reason_t ei_body_check(const unsigned char *body, size_t len,
    const ei_body_policy_t *policy, unsigned char *out, size_t out_cap,
    ei_body_result_t *res, ei_verdict_t *v);

/*
 * The fingerprint of a key from its escaped form in the canonical body
 * (res->key_at, res->key_len of an accepted body); returns 0, or -1 when
 * no digest could be made.
 */
int ei_body_key_fingerprint(const unsigned char *escaped, size_t len,
    char out[EI_FINGERPRINT_LEN + 1]);

#endif /* EI_BODY_H */
