/*
 * libFuzzer target over how the response filters judge an upstream's
 * answer in src/, next to fuzz_redact (the masking itself): the codings
 * read from a Content-Encoding or Transfer-Encoding value, which decide
 * whether a body can be masked at all, and the GenericApiResponse check
 * of an error body.
 *
 * Input: the header value or body, as it is.
 *
 * Invariants, each an abort():
 *   - ei_codings_only() agrees with a plain split of the list on commas,
 *     elements trimmed of spaces and tabs, compared without letter case,
 *     for "identity" and for "chunked";
 *   - a list it accepts stays accepted with an empty element or white
 *     space added, and one it refuses stays refused;
 *   - ei_api_response_check() reads any body without a sanitizer report,
 *     and answers 0 or 1.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ei_redact.h"
#include "ei_response.h"


static void
invariant(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "invariant failed: %s\n", what);
        abort();
    }
}


static unsigned char
lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}


/* the reference: one element at a time, split on commas */
static int
naive_codings(const uint8_t *v, size_t n, const char *coding)
{
    size_t  s, e, c, j, clen;

    clen = strlen(coding);

    for (s = 0; /* void */; s = c + 1) {
        for (c = s; c < n && v[c] != ','; c++) { /* void */ }

        for (e = c; s < e && (v[s] == ' ' || v[s] == '\t'); s++) {
            /* void */
        }

        while (e > s && (v[e - 1] == ' ' || v[e - 1] == '\t')) {
            e--;
        }

        if (e > s && e - s != clen) {
            return 0;
        }

        for (j = 0; e > s && j < clen; j++) {
            if (lower(v[s + j]) != (unsigned char) coding[j]) {
                return 0;
            }
        }

        if (c == n) {
            return 1;
        }
    }
}


static void
check_coding(const uint8_t *data, size_t size, uint8_t *buf,
    const char *coding)
{
    int  ok;

    ok = ei_codings_only(data, size, coding);

    invariant(ok == naive_codings(data, size, coding),
              "ei_codings_only agrees with the plain split");

    /* ", \t" before and after: an empty element and white space */

    memcpy(buf, ", \t", 3);
    memcpy(buf + 3, data, size);
    memcpy(buf + 3 + size, " ,", 2);

    invariant(ei_codings_only(buf, size + 5, coding) == ok,
              "empty elements and white space change nothing");
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int       r;
    uint8_t  *buf;

    buf = malloc(size + 5);
    invariant(buf != NULL, "malloc");

    check_coding(data, size, buf, "identity");
    check_coding(data, size, buf, "chunked");

    free(buf);

    r = ei_api_response_check(data, size);
    invariant(r == 0 || r == 1, "ei_api_response_check answers 0 or 1");

    return 0;
}
