/*
 * Strings written back as JSON: the canonical body's escapes, the escaped
 * form of a member name shown in an error, and the UTF-8 decoding both
 * rely on.
 *
 * Plain C: nothing here knows nginx.
 */

#ifndef EI_ESCAPE_H
#define EI_ESCAPE_H

#include <stddef.h>


/*
 * Writes s to p with only the escapes JSON requires ('"', '\' and control
 * characters); returns the end, or NULL when p is NULL or end would be
 * passed.
 */
unsigned char *ei_escape_json(unsigned char *p, unsigned char *end,
    const unsigned char *s, size_t len);

/*
 * Writes s to out as JSON with \u escapes of every control and of the
 * bidirectional controls and line and paragraph separators too; returns
 * its length.  out holds 6 bytes for each byte of s.
 */
size_t ei_escape_name(char *out, const unsigned char *s, size_t len);

/*
 * The code point at p, and its length in *n.  The UTF-8 is taken as
 * checked; anything else is taken one byte at a time as U+FFFD.
 */
unsigned long ei_utf8_decode(const unsigned char *p, size_t len, size_t *n);

#endif /* EI_ESCAPE_H */
