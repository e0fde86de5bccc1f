/*
 * Unit tests of src/ei_redact.c: the API key never survives in a response
 * however the response is cut into pieces (README "Responses").
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ei_redact.h"


/* feeds text in pieces of size step, collecting what would be emitted */
static void
redact_in_pieces(const char *key, const char *text, size_t step, char *out)
{
    size_t          klen, n, off, t, h, len, o;
    unsigned char   hold[256], piece[256];

    klen = strlen(key);
    len = strlen(text);
    h = 0;
    o = 0;

    for (off = 0; off < len || off == 0; off += step) {
        n = (len - off < step) ? len - off : step;
        memcpy(piece, text + off, n);

        t = ei_redact_piece((const unsigned char *) key, klen, hold, h, piece,
                            n, off + n >= len);

        /* emit hold || piece minus the last t bytes, keep those */

        if (t <= n) {
            memcpy(out + o, hold, h);
            o += h;
            memcpy(out + o, piece, n - t);
            o += n - t;
            memmove(hold, piece + n - t, t);

        } else {
            memcpy(out + o, hold, h + n - t);
            o += h + n - t;
            memmove(hold, hold + h + n - t, t - n);
            memcpy(hold + t - n, piece, n);
        }

        h = t;

        if (off + n >= len) {
            break;
        }
    }

    out[o] = '\0';
}


static void
key_is_masked_whatever_the_piece_size(void **state)
{
    const char  *key = "ei_secret_key_123";
    const char  *in = "x-api-key: ei_secret_key_123\r\n{\"k\":\"ei_secret_key_123"
                      "ei_secret_key_123\",\"p\":\"ei_secret_key_12\"}";
    const char  *exp = "x-api-key: *****************\r\n{\"k\":\""
                       "**********************************\",\"p\":"
                       "\"ei_secret_key_12\"}";
    char         out[512];
    size_t       step;

    (void) state;

    for (step = 1; step <= strlen(in); step++) {
        redact_in_pieces(key, in, step, out);
        assert_string_equal(out, exp);
    }
}


static void
overlapping_prefixes_are_not_lost(void **state)
{
    char    out[512];
    size_t  step;

    (void) state;

    for (step = 1; step <= 12; step++) {
        redact_in_pieces("aab", "aaaabaab aa", step, out);
        assert_string_equal(out, "aa****** aa");
    }
}


static void
text_without_key_is_unchanged(void **state)
{
    char    out[512];
    size_t  step;

    (void) state;

    for (step = 1; step <= 20; step++) {
        redact_in_pieces("secret", "{\"success\":false,\"error\":\"secre\"}",
                         step, out);
        assert_string_equal(out, "{\"success\":false,\"error\":\"secre\"}");
    }
}


static void
redact_all_counts_matches(void **state)
{
    char  buf[] = "kkk-kk-kkkk";

    (void) state;

    assert_int_equal(ei_redact_all((const unsigned char *) "kk",
                                   2, (unsigned char *) buf, strlen(buf)), 4);
    assert_string_equal(buf, "**k-**-****");
}


/*
 * A key holding a '*' is masked by spaces: with '*', masking the first of
 * two overlapping occurrences left the second one whole (found by
 * t/fuzz/fuzz_redact.c), and a mask-made prefix was kept back and
 * completed by the next piece.
 */

static void
key_with_a_star_is_masked_by_spaces(void **state)
{
    char    out[64];
    size_t  step;

    (void) state;

    assert_int_equal(ei_redact_mask((const unsigned char *) "**e*****", 8),
                     ' ');
    assert_int_equal(ei_redact_mask((const unsigned char *) "ei_k3y", 6),
                     '*');

    for (step = 1; step <= 18; step++) {
        redact_in_pieces("**e*****", "x**e******e*****x", step, out);
        assert_string_equal(out, "x        *e*****x");

        redact_in_pieces("*A", "*A*AA", step, out);
        assert_string_equal(out, "    A");
    }
}


static int
codings(const char *v, const char *coding)
{
    return ei_codings_only((const unsigned char *) v, strlen(v), coding);
}


/* README "Responses": a body under any coding but these is never passed */
static void
only_identity_or_chunked_codings_are_readable(void **state)
{
    (void) state;

    assert_true(codings("", "identity"));
    assert_true(codings("identity", "identity"));
    assert_true(codings(" IDENTITY ,\tIdentity", "identity"));
    assert_true(codings(",", "identity"));
    assert_true(codings("chunked", "chunked"));
    assert_true(codings("Chunked", "chunked"));

    assert_false(codings("gzip", "identity"));
    assert_false(codings("identity, gzip", "identity"));
    assert_false(codings("gzip,identity", "identity"));
    assert_false(codings("identityx", "identity"));
    assert_false(codings("identit", "identity"));
    assert_false(codings("identity;q=1", "identity"));
    assert_false(codings("gzip, chunked", "chunked"));
    assert_false(codings("chunked, gzip", "chunked"));
    assert_false(codings("identity", "chunked"));
    assert_false(codings("ch unked", "chunked"));
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(key_is_masked_whatever_the_piece_size),
        cmocka_unit_test(overlapping_prefixes_are_not_lost),
        cmocka_unit_test(text_without_key_is_unchanged),
        cmocka_unit_test(redact_all_counts_matches),
        cmocka_unit_test(key_with_a_star_is_masked_by_spaces),
        cmocka_unit_test(only_identity_or_chunked_codings_are_readable),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
