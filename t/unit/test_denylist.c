/*
 * Unit tests of src/ei_denylist.c and src/ei_crypto.c: the denylist file's
 * syntax, the lookup, SHA-256 and fingerprints.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ei_crypto.h"
#include "ei_denylist.h"


/* SHA-256 of "abc" (FIPS 180-2) and of "" */
#define ABC    "ba7816bf8f01cfea414140de5dae2223"                           \
               "b00361a396177a9cb410ff61f20015ad"
#define EMPTY  "e3b0c44298fc1c149afbf4c8996fb924"                           \
               "27ae41e4649b934ca495991b7852b855"


static unsigned char  abc[EI_SHA256_LEN], empty[EI_SHA256_LEN];


static int
parse(const char *text, ei_denylist_t *dl, size_t *err_line)
{
    *err_line = 12345;

    return ei_denylist_parse((const unsigned char *) text, strlen(text), dl,
                             err_line);
}


static void
expect_err_line(const char *text, size_t line)
{
    size_t         err_line;
    ei_denylist_t  dl;

    assert_int_equal(parse(text, &dl, &err_line), -1);
    assert_int_equal(err_line, line);
    assert_null(dl.digests);
    assert_int_equal(dl.n, 0);
}


static void
sha256_matches_the_standard_vectors(void **state)
{
    static const char  hex[] = "0123456789abcdef";
    size_t             i;
    char               text[2 * EI_SHA256_LEN + 1];
    unsigned char      d[EI_SHA256_LEN];

    (void) state;

    assert_int_equal(ei_sha256((const unsigned char *) "abc", 3, d), 0);

    for (i = 0; i < EI_SHA256_LEN; i++) {
        text[2 * i] = hex[d[i] >> 4];
        text[2 * i + 1] = hex[d[i] & 0xf];
    }
    text[2 * EI_SHA256_LEN] = '\0';

    assert_string_equal(text, ABC);
}


static void
crypto_init_can_be_called_again(void **state)
{
    (void) state;

    assert_int_equal(ei_crypto_init(), 0);
    assert_int_equal(ei_crypto_init(), 0);
}


static void
fingerprint_is_sha256_prefix_and_16_lowercase_hex_digits(void **state)
{
    char  fp[EI_FINGERPRINT_LEN + 1];

    (void) state;

    memset(fp, 'x', sizeof(fp));
    ei_fingerprint(abc, fp);

    assert_int_equal(EI_FINGERPRINT_LEN, 23);
    assert_string_equal(fp, "sha256:ba7816bf8f01cfea");
}


static void
cleanse_zeroes_the_bytes(void **state)
{
    char  buf[16];

    (void) state;

    memset(buf, 'k', sizeof(buf));
    ei_cleanse(buf, sizeof(buf));

    assert_memory_equal(buf, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16);
}


static void
denylist_parses_digests_comments_and_blank_lines(void **state)
{
    size_t         err_line;
    ei_denylist_t  dl;

    (void) state;

    assert_int_equal(parse("# keys leaked in the 2024 incident\n"
                           "\n"
                           ABC "\n"
                           "   # indented comment\n"
                           "\n"
                           EMPTY "\n", &dl, &err_line), 0);
    assert_int_equal(dl.n, 2);
    assert_memory_equal(dl.digests[0], abc, EI_SHA256_LEN);
    assert_memory_equal(dl.digests[1], empty, EI_SHA256_LEN);

    ei_denylist_free(&dl);
    assert_null(dl.digests);
    assert_int_equal(dl.n, 0);
}


static void
denylist_tolerates_spaces_tabs_and_crlf(void **state)
{
    size_t         err_line;
    ei_denylist_t  dl;

    (void) state;

    assert_int_equal(parse("  " ABC "\t \r\n\t" EMPTY "\r\n \r\n", &dl,
                           &err_line), 0);
    assert_int_equal(dl.n, 2);

    ei_denylist_free(&dl);
}


static void
denylist_accepts_a_last_line_without_newline(void **state)
{
    size_t         err_line;
    ei_denylist_t  dl;

    (void) state;

    assert_int_equal(parse(ABC, &dl, &err_line), 0);
    assert_int_equal(dl.n, 1);
    assert_memory_equal(dl.digests[0], abc, EI_SHA256_LEN);

    ei_denylist_free(&dl);
}


static void
denylist_empty_or_only_comments_lists_nothing(void **state)
{
    size_t         err_line;
    ei_denylist_t  dl;

    (void) state;

    assert_int_equal(parse("", &dl, &err_line), 0);
    assert_int_equal(dl.n, 0);
    assert_int_equal(ei_denylist_contains(&dl, abc), 0);
    ei_denylist_free(&dl);

    assert_int_equal(parse("# nothing yet\n\n", &dl, &err_line), 0);
    assert_int_equal(dl.n, 0);
    ei_denylist_free(&dl);
}


static void
denylist_rejects_uppercase_hex(void **state)
{
    (void) state;

    expect_err_line("# ok\n" ABC "\n"
                    "BA7816BF8F01CFEA414140DE5DAE2223"
                    "B00361A396177A9CB410FF61F20015AD\n", 3);
    expect_err_line("Ba7816bf8f01cfea414140de5dae2223"
                    "b00361a396177a9cb410ff61f20015ad", 1);
}


static void
denylist_rejects_lines_that_are_not_one_digest(void **state)
{
    (void) state;

    /* too short, too long, not hex */
    expect_err_line("\n" ABC "\nba7816bf\n", 3);
    expect_err_line(ABC "0\n", 1);
    expect_err_line("zz7816bf8f01cfea414140de5dae2223"
                    "b00361a396177a9cb410ff61f20015ad\n", 1);

    /* two digests on a line, a digest with a trailing comment */
    expect_err_line(ABC " " EMPTY "\n", 1);
    expect_err_line(ABC " # leaked\n", 1);

    /* a sha256sum line: digest and file name */
    expect_err_line(ABC "  key.txt\n", 1);

    /* a prefix such as sha256: */
    expect_err_line("sha256:" ABC "\n", 1);

    /* CR inside a line */
    expect_err_line("ba7816bf8f01cfea414140de5dae2223\r"
                    "b00361a396177a9cb410ff61f20015ad\n", 1);
}


static void
denylist_reports_the_line_of_a_nul_byte(void **state)
{
    size_t         err_line;
    ei_denylist_t  dl;
    char           text[200];

    (void) state;

    strcpy(text, ABC "\n" ABC "\n");
    text[64 + 1 + 10] = '\0';

    assert_int_equal(ei_denylist_parse((const unsigned char *) text, 130, &dl,
                                       &err_line), -1);
    assert_int_equal(err_line, 2);
}


static void
denylist_contains_only_listed_digests(void **state)
{
    size_t         i, err_line;
    unsigned char  d[EI_SHA256_LEN];
    ei_denylist_t  dl;

    (void) state;

    assert_int_equal(parse(EMPTY "\n" ABC "\n", &dl, &err_line), 0);

    assert_int_equal(ei_denylist_contains(&dl, abc), 1);
    assert_int_equal(ei_denylist_contains(&dl, empty), 1);

    /* one bit off, at each end */
    for (i = 0; i < EI_SHA256_LEN; i += EI_SHA256_LEN - 1) {
        memcpy(d, abc, EI_SHA256_LEN);
        d[i] ^= 1;
        assert_int_equal(ei_denylist_contains(&dl, d), 0);
    }

    ei_denylist_free(&dl);
}


static void
denylist_null_matches_nothing(void **state)
{
    (void) state;

    assert_int_equal(ei_denylist_contains(NULL, abc), 0);
}


static void
denylist_duplicates_are_harmless(void **state)
{
    size_t         err_line;
    ei_denylist_t  dl;

    (void) state;

    assert_int_equal(parse(ABC "\n" ABC "\n", &dl, &err_line), 0);
    assert_int_equal(dl.n, 2);
    assert_int_equal(ei_denylist_contains(&dl, abc), 1);

    ei_denylist_free(&dl);
}


/* n distinct digests: SHA-256 of "key <i>"; text as a denylist file */
static char *
many(size_t n, unsigned char (**digests)[EI_SHA256_LEN])
{
    static const char  hex[] = "0123456789abcdef";
    size_t             i, j;
    char              *text, *p, line[32];

    *digests = malloc(n * EI_SHA256_LEN);
    text = malloc(n * (2 * EI_SHA256_LEN + 1) + 1);
    assert_non_null(*digests);
    assert_non_null(text);

    p = text;

    for (i = 0; i < n; i++) {
        snprintf(line, sizeof(line), "key %zu", i);
        assert_int_equal(ei_sha256((const unsigned char *) line, strlen(line),
                                   (*digests)[i]), 0);

        for (j = 0; j < EI_SHA256_LEN; j++) {
            *p++ = hex[(*digests)[i][j] >> 4];
            *p++ = hex[(*digests)[i][j] & 0xf];
        }

        *p++ = '\n';
    }

    *p = '\0';

    return text;
}


static void
denylist_is_sorted_at_load_whatever_the_file_order(void **state)
{
    size_t         i, err_line;
    ei_denylist_t  dl;

    (void) state;

    /* "" (e3b0...) before "abc" (ba78...) in the file */
    assert_int_equal(parse(EMPTY "\n" ABC "\n", &dl, &err_line), 0);
    assert_memory_equal(dl.digests[0], abc, EI_SHA256_LEN);
    assert_memory_equal(dl.digests[1], empty, EI_SHA256_LEN);
    ei_denylist_free(&dl);

    {
        unsigned char  (*d)[EI_SHA256_LEN];
        char            *text = many(1000, &d);

        assert_int_equal(parse(text, &dl, &err_line), 0);
        assert_int_equal(dl.n, 1000);

        for (i = 1; i < dl.n; i++) {
            assert_true(memcmp(dl.digests[i - 1], dl.digests[i],
                               EI_SHA256_LEN) < 0);
        }

        ei_denylist_free(&dl);
        free(text);
        free(d);
    }
}


static void
denylist_binary_search_finds_every_listed_digest_and_nothing_else(
    void **state)
{
    size_t           i, n, err_line;
    char            *text;
    unsigned char    d[EI_SHA256_LEN], (*listed)[EI_SHA256_LEN];
    ei_denylist_t    dl;

    (void) state;

    /* sizes around powers of two, up to 100,000 digests */

    for (n = 1; n <= 100000; n = (n < 10) ? n + 1 : n * 3 + 1) {
        text = many(n, &listed);
        assert_int_equal(parse(text, &dl, &err_line), 0);
        assert_int_equal(dl.n, n);

        for (i = 0; i < n; i++) {
            assert_int_equal(ei_denylist_contains(&dl, listed[i]), 1);

            /* one bit off, at either end, is another digest */
            memcpy(d, listed[i], EI_SHA256_LEN);
            d[EI_SHA256_LEN - 1] ^= 1;
            assert_int_equal(ei_denylist_contains(&dl, d), 0);
            d[EI_SHA256_LEN - 1] ^= 1;
            d[0] ^= 0x80;
            assert_int_equal(ei_denylist_contains(&dl, d), 0);
        }

        /* below the first and above the last */
        memset(d, 0, sizeof(d));
        assert_int_equal(ei_denylist_contains(&dl, d), 0);
        memset(d, 0xff, sizeof(d));
        assert_int_equal(ei_denylist_contains(&dl, d), 0);

        ei_denylist_free(&dl);
        free(text);
        free(listed);
    }
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(sha256_matches_the_standard_vectors),
        cmocka_unit_test(crypto_init_can_be_called_again),
        cmocka_unit_test(
            fingerprint_is_sha256_prefix_and_16_lowercase_hex_digits),
        cmocka_unit_test(cleanse_zeroes_the_bytes),
        cmocka_unit_test(denylist_parses_digests_comments_and_blank_lines),
        cmocka_unit_test(denylist_tolerates_spaces_tabs_and_crlf),
        cmocka_unit_test(denylist_accepts_a_last_line_without_newline),
        cmocka_unit_test(denylist_empty_or_only_comments_lists_nothing),
        cmocka_unit_test(denylist_rejects_uppercase_hex),
        cmocka_unit_test(denylist_rejects_lines_that_are_not_one_digest),
        cmocka_unit_test(denylist_reports_the_line_of_a_nul_byte),
        cmocka_unit_test(denylist_contains_only_listed_digests),
        cmocka_unit_test(denylist_null_matches_nothing),
        cmocka_unit_test(denylist_duplicates_are_harmless),
        cmocka_unit_test(denylist_is_sorted_at_load_whatever_the_file_order),
        cmocka_unit_test(
            denylist_binary_search_finds_every_listed_digest_and_nothing_else),
    };

    if (ei_crypto_init() != 0
        || ei_sha256((const unsigned char *) "abc", 3, abc) != 0
        || ei_sha256((const unsigned char *) "", 0, empty) != 0)
    {
        return 1;
    }

    return cmocka_run_group_tests(tests, NULL, NULL);
}
