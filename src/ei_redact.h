/*
 * Redaction of the server-held API key from a response that arrives in
 * pieces (README "Responses"): an upstream that echoes the request must not
 * hand the key to the client.
 *
 * Plain C: nothing here knows nginx.
 */

#ifndef EI_REDACT_H
#define EI_REDACT_H

#include <stddef.h>


/*
 * What replaces each byte of the key, so that the length of the response is
 * kept: '*', or a space for a key that holds a '*' (an API key is visible
 * ASCII, so never holds a space).  A mask that is no byte of the key cannot
 * spell the key next to the response's own bytes, nor leave visible an
 * occurrence that overlaps one masked.
 */
#define EI_REDACT_MASK      '*'
#define EI_REDACT_MASK_ALT  ' '

unsigned char ei_redact_mask(const unsigned char *key, size_t klen);


/*
 * Masks every occurrence of key in the stream hold[0..h) || buf[0..n), in
 * place.  hold holds the bytes kept back from earlier pieces (at most
 * klen - 1, so hold needs room for klen - 1 bytes).  Returns how many bytes
 * at the end of that stream must be kept back because they could begin an
 * occurrence that the next piece completes; 0 when last is set.  The caller
 * emits the rest and keeps those bytes for the next call.
 */
size_t ei_redact_piece(const unsigned char *key, size_t klen,
    unsigned char *hold, size_t h, unsigned char *buf, size_t n, int last);

/* masks every occurrence of key in p[0..n); returns how many were masked */
size_t ei_redact_all(const unsigned char *key, size_t klen, unsigned char *p,
    size_t n);

/*
 * 1 when every element of the comma-separated list v[0..n) (a
 * Content-Encoding or Transfer-Encoding value) is empty or names coding,
 * in any letter case: what the body filter can mask through.
 */
int ei_codings_only(const unsigned char *v, size_t n, const char *coding);

#endif /* EI_REDACT_H */
