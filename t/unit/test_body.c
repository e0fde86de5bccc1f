/*
 * Unit tests of src/ei_body.c: strict JSON, the schema, the key rules, the
 * canonical body, and that no error text ever holds the hmacKey.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ei_body.h"
#include "ei_json_count.h"


/* 32 random lowercase hex digits: what `openssl rand -hex 16` makes */
#define KEY      "3f9a1c0e7b2d4f68a5c9e01b7d3f2a64"

/* another strong key, printable ASCII with '"' and '\' in it */
#define KEY_ODD  "Zq7\"Kp2\\xW9@mR4$vT6&nB8*cY3^hJ5%"
#define KEY_ODD_JSON  "Zq7\\\"Kp2\\\\xW9@mR4$vT6&nB8*cY3^hJ5%"

/* a distinctive key, checked for in every error text */
#define SECRET   "Vx9Qm2Lr7Tz4Wk8N"

#define BODY(name, key, dev)                                                 \
    "{\"name\":\"" name "\",\"hmacKey\":\"" key "\",\"isDevelopmentKey\":"   \
    dev "}"


static ei_body_result_t  res;
static ei_verdict_t      v;
static unsigned char    *out;


static ei_body_policy_t
policy_default(void)
{
    ei_body_policy_t  p;

    memset(&p, 0, sizeof(p));
    p.name_max_length = 255;
    p.strength.max_length = 32;
    p.strength.min_bits = 128;
    p.denylist = NULL;
    p.reject_unknown = 0;
    p.allow_dev_keys = 1;

    return p;
}


/*
 * Runs ei_body_check on an exact-length heap copy of the body, so that
 * reading past len is caught by sanitizers and never finds a NUL.
 */
static ei_reason_t
check_n(const char *body, size_t len, const ei_body_policy_t *p)
{
    size_t          cap;
    ei_reason_t     rc;
    unsigned char  *copy;

    copy = malloc(len ? len : 1);
    assert_non_null(copy);
    memcpy(copy, body, len);

    free(out);
    cap = ei_body_out_size(len);
    out = malloc(cap);
    assert_non_null(out);
    memset(out, 0, cap);

    memset(&v, 0x5a, sizeof(v));
    rc = ei_body_check(copy, len, p, out, cap, &res, &v);

    free(copy);

    assert_int_equal(rc, v.reason);
    assert_int_equal(v.len, strlen(v.msg));

    return rc;
}


static ei_reason_t
check(const char *body, const ei_body_policy_t *p)
{
    return check_n(body, strlen(body), p);
}


static ei_reason_t
check_default(const char *body)
{
    ei_body_policy_t  p = policy_default();

    return check(body, &p);
}


static void
expect(const char *body, ei_reason_t reason, const char *msg)
{
    assert_int_equal(check_default(body), reason);
    assert_string_equal(v.msg, msg);
}


static void
expect_canonical(const char *body, const ei_body_policy_t *p,
    const char *canonical)
{
    assert_int_equal(check(body, p), EI_OK);
    assert_string_equal(v.msg, "");
    assert_ptr_equal(res.canonical, out);
    assert_int_equal(res.canonical_len, strlen(canonical));
    assert_memory_equal(res.canonical, canonical, strlen(canonical));
    assert_true(res.canonical_len <= strlen(body));
}


static int
contains(const char *hay, const char *needle)
{
    return strstr(hay, needle) != NULL;
}


static int
mem_contains(const unsigned char *hay, size_t len, const char *needle)
{
    size_t  i, n;

    n = strlen(needle);

    for (i = 0; i + n <= len; i++) {
        if (memcmp(hay + i, needle, n) == 0) {
            return 1;
        }
    }

    return 0;
}


/* JSON: step 7 */


static void
json_rejects_duplicate_member_name(void **state)
{
    (void) state;

    expect("{\"name\":\"a\",\"name\":\"b\"}", EI_REJECT_JSON,
           "invalid JSON: duplicate member name at line 1, column 18");
}


static void
json_rejects_duplicate_schema_key_with_different_values(void **state)
{
    (void) state;

    expect("{\"name\":\"a\",\"hmacKey\":\"" KEY "\",\"isDevelopmentKey\":"
           "false,\"hmacKey\":\"" KEY "\"}", EI_REJECT_JSON,
           "invalid JSON: duplicate member name at line 1, column 91");
}


static void
json_rejects_data_after_the_value(void **state)
{
    (void) state;

    expect("{\"a\":1}x", EI_REJECT_JSON,
           "invalid JSON: unexpected data after the JSON value at line 1, "
           "column 8");
    expect("{\"a\":1}{}", EI_REJECT_JSON,
           "invalid JSON: unexpected data after the JSON value at line 1, "
           "column 8");
}


static void
json_allows_white_space_around_the_value(void **state)
{
    (void) state;

    assert_int_equal(check_default(" \r\n\t" BODY("a", KEY, "false")
                                   " \r\n\t"),
                     EI_OK);
}


static void
json_rejects_unexpected_end_of_input(void **state)
{
    (void) state;

    expect("{\"a\":", EI_REJECT_JSON,
           "invalid JSON: unexpected end of input at line 1, column 5");
    expect("{\"name\":\"abc", EI_REJECT_JSON,
           "invalid JSON: unexpected end of input at line 1, column 12");
    expect("   ", EI_REJECT_JSON,
           "invalid JSON: unexpected end of input at line 1, column 3");
}


static void
json_rejects_syntax_error(void **state)
{
    (void) state;

    expect("{\"a\" 1}", EI_REJECT_JSON,
           "invalid JSON: syntax error at line 1, column 6");
    expect("{\"a\":1,}", EI_REJECT_JSON,
           "invalid JSON: syntax error at line 1, column 8");
    expect("{'a':1}", EI_REJECT_JSON,
           "invalid JSON: syntax error at line 1, column 2");
}


static void
json_rejects_invalid_token(void **state)
{
    (void) state;

    expect("{\"a\":tru}", EI_REJECT_JSON,
           "invalid JSON: invalid token at line 1, column 8");
    expect("{\"a\":NaN}", EI_REJECT_JSON,
           "invalid JSON: invalid token at line 1, column 8");
}


static void
json_rejects_invalid_utf8(void **state)
{
    static const char  *bad[] = {
        "{\"a\":\"\xff\"}",                 /* never valid */
        "{\"a\":\"\xc0\xaf\"}",             /* overlong '/' */
        "{\"a\":\"\xed\xa0\x80\"}",         /* a surrogate, encoded */
        "{\"a\":\"\xf4\x90\x80\x80\"}",     /* above U+10FFFF */
        "{\"a\":\"\xe2\x82\"}",             /* truncated sequence */
    };
    size_t  i;

    (void) state;

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        expect(bad[i], EI_REJECT_JSON,
               "invalid JSON: invalid UTF-8 at line 1, column 6");
    }

    /* in a member name too, and in a name value */
    expect("{\"\xff\":1}", EI_REJECT_JSON,
           "invalid JSON: invalid UTF-8 at line 1, column 2");
}


static void
json_rejects_nul_escape_in_a_string(void **state)
{
    (void) state;

    expect("{\"name\":\"a\\u0000b\"}", EI_REJECT_JSON,
           "invalid JSON: NUL character in a string at line 1, column 18");
}


static void
json_rejects_nul_escape_in_a_member_name(void **state)
{
    (void) state;

    expect("{\"name\\u0000\":1}", EI_REJECT_JSON,
           "invalid JSON: NUL character in a member name at line 1, "
           "column 13");
}


static void
json_rejects_raw_nul_byte(void **state)
{
    (void) state;

    assert_int_equal(check_n("{\"name\":\"a\0b\"}", 14,
                             &(ei_body_policy_t) { 255, { 32, 128 }, NULL,
                                                   0, 1, 0 }),
                     EI_REJECT_JSON);
    assert_string_equal(v.msg, "invalid JSON: control character in a string "
                        "at line 1, column 10");
}


static void
json_rejects_lone_surrogates(void **state)
{
    (void) state;

    expect("{\"a\":\"\\ud800\"}", EI_REJECT_JSON,
           "invalid JSON: invalid \\u escape or lone surrogate at line 1, "
           "column 13");
    expect("{\"a\":\"\\udc00\"}", EI_REJECT_JSON,
           "invalid JSON: invalid \\u escape or lone surrogate at line 1, "
           "column 13");
    expect("{\"a\":\"\\ud800\\u0041\"}", EI_REJECT_JSON,
           "invalid JSON: invalid \\u escape or lone surrogate at line 1, "
           "column 19");
}


static void
json_rejects_invalid_escapes(void **state)
{
    (void) state;

    expect("{\"a\":\"\\q\"}", EI_REJECT_JSON,
           "invalid JSON: invalid escape sequence at line 1, column 8");
    expect("{\"a\":\"\\u12G4\"}", EI_REJECT_JSON,
           "invalid JSON: invalid escape sequence at line 1, column 11");
}


static void
json_rejects_control_characters_in_strings(void **state)
{
    (void) state;

    expect("{\"a\":\"\t\"}", EI_REJECT_JSON,
           "invalid JSON: control character in a string at line 1, "
           "column 6");
    expect("{\"a\":\"\n\"}", EI_REJECT_JSON,
           "invalid JSON: control character in a string at line 1, "
           "column 6");
}


static void
json_rejects_numbers_out_of_range(void **state)
{
    (void) state;

    expect("{\"a\":1e999}", EI_REJECT_JSON,
           "invalid JSON: number out of range at line 1, column 10");
    expect("{\"a\":99999999999999999999}", EI_REJECT_JSON,
           "invalid JSON: number out of range at line 1, column 25");
    expect("{\"a\":-99999999999999999999}", EI_REJECT_JSON,
           "invalid JSON: number out of range at line 1, column 26");
}


static void
json_refuses_nesting_past_the_value_bound(void **state)
{
    size_t  i, n;
    char   *body;

    (void) state;

    n = 3000;
    body = malloc(n + 16);
    assert_non_null(body);

    memcpy(body, "{\"a\":", 5);
    for (i = 0; i < n; i++) {
        body[5 + i] = '[';
    }
    body[5 + n] = '\0';

    /*
     * Every level is a value: the 257th opens at column 261, long before
     * jansson's own bound of 2048 levels.
     */
    assert_int_equal(check_default(body), EI_REJECT_JSON);
    assert_string_equal(v.msg, "invalid JSON: too many values at line 1, "
                        "column 261");

    free(body);
}


static void
json_accepts_nesting_within_the_bound_in_unknown_fields(void **state)
{
    size_t  i, n, len;
    char   *body;

    (void) state;

    /* the object, the three fields and 252 levels: 256 values */
    n = 252;
    body = malloc(2 * n + 128);
    assert_non_null(body);

    len = (size_t) sprintf(body, "{\"x\":");
    for (i = 0; i < n; i++) {
        body[len++] = '[';
    }
    for (i = 0; i < n; i++) {
        body[len++] = ']';
    }
    len += (size_t) sprintf(body + len,
                            ",\"name\":\"a\",\"hmacKey\":\"" KEY "\","
                            "\"isDevelopmentKey\":false}");

    assert_int_equal(check_default(body), EI_OK);

    free(body);
}


static void
json_rejects_an_array_at_the_top(void **state)
{
    (void) state;

    expect("[1,2]", EI_REJECT_JSON,
           "body must be a JSON object at line 1, column 1");
    expect(" [", EI_REJECT_JSON,
           "body must be a JSON object at line 1, column 2");
    expect("\r\n \n\t[{}]", EI_REJECT_JSON,
           "body must be a JSON object at line 3, column 2");
}


static void
json_rejects_a_scalar_at_the_top(void **state)
{
    (void) state;

    expect("\"" KEY "\"", EI_REJECT_JSON,
           "body must be a JSON object at line 1, column 1");
    expect("42", EI_REJECT_JSON,
           "body must be a JSON object at line 1, column 1");
    expect("  null", EI_REJECT_JSON,
           "body must be a JSON object at line 1, column 3");
    expect("\n-1", EI_REJECT_JSON,
           "body must be a JSON object at line 2, column 1");
}


static void
json_rejects_a_byte_order_mark(void **state)
{
    (void) state;

    /* RFC 8259 section 8.1: not part of JSON; refused where it stands */
    expect("\xef\xbb\xbf{}", EI_REJECT_JSON,
           "body must be a JSON object at line 1, column 1");
    expect("\xef\xbb\xbf" BODY("a", KEY, "false"), EI_REJECT_JSON,
           "body must be a JSON object at line 1, column 1");
    expect(" \xef\xbb\xbf{}", EI_REJECT_JSON,
           "body must be a JSON object at line 1, column 2");

    /* a stray continuation byte is a character where it stands */
    expect("\xa0{}", EI_REJECT_JSON,
           "body must be a JSON object at line 1, column 1");
    expect("\n\n\xbf", EI_REJECT_JSON,
           "body must be a JSON object at line 3, column 1");
}


static void
json_counts_lines_and_columns_from_one(void **state)
{
    (void) state;

    expect("{\"a\":1,\n  \"b\":2,\n  \"a\":3}", EI_REJECT_JSON,
           "invalid JSON: duplicate member name at line 3, column 5");

    /* columns count characters, not bytes, as jansson does */
    expect("{\"\xc3\xa9\xc3\xa9\":1,\"\xc3\xa9\xc3\xa9\":2}", EI_REJECT_JSON,
           "invalid JSON: duplicate member name at line 1, column 12");
}


static void
json_reads_exactly_len_bytes(void **state)
{
    static const char  body[] = BODY("a", KEY, "false") "garbage";

    (void) state;

    assert_int_equal(check_n(body, sizeof(body) - 1 - 7,
                             &(ei_body_policy_t) { 255, { 32, 128 }, NULL,
                                                   0, 1, 0 }),
                     EI_OK);
}


/*
 * A body of the three fields and an unknown member "x" of the value x;
 * returns the malloc'd body.
 */
static char *
body_with_x(const char *x)
{
    size_t  len;
    char   *body;

    len = strlen(x) + 128;
    body = malloc(len);
    assert_non_null(body);

    snprintf(body, len, "{\"name\":\"a\",\"hmacKey\":\"" KEY "\","
             "\"isDevelopmentKey\":false,\"x\":%s}", x);

    return body;
}


/* "[0,0,...]" of n zeros, or "[]" */
static char *
zeros(size_t n)
{
    size_t  i;
    char   *a, *p;

    a = malloc(2 * n + 3);
    assert_non_null(a);

    p = a;
    *p++ = '[';
    for (i = 0; i < n; i++) {
        if (i) {
            *p++ = ',';
        }
        *p++ = '0';
    }
    *p++ = ']';
    *p = '\0';

    return a;
}


/* checks the body of body_with_x(x); msg NULL: any text */
static void
expect_x(const char *x, ei_reason_t reason, const char *msg)
{
    char  *body;

    body = body_with_x(x);
    assert_int_equal(check_default(body), reason);

    if (msg != NULL) {
        assert_string_equal(v.msg, msg);
    }

    free(body);
}


static void
expect_zeros(size_t n, ei_reason_t reason, const char *msg)
{
    char  *x;

    x = zeros(n);
    expect_x(x, reason, msg);
    free(x);
}


static void
json_accepts_up_to_256_values(void **state)
{
    (void) state;

    /* the object, three fields, the array: 5; 251 zeros make 256 */
    expect_zeros(251, EI_OK, NULL);
}


static void
json_refuses_the_257th_value_where_it_starts(void **state)
{
    (void) state;

    /* "x":[ is at column 87: zero number 252 is at 88 + 2 * 251 */
    expect_zeros(252, EI_REJECT_JSON,
                 "invalid JSON: too many values at line 1, column 590");

    /* wide, whatever the rest: a 16 KB array is refused at the same place */
    expect_zeros(8000, EI_REJECT_JSON,
                 "invalid JSON: too many values at line 1, column 590");
}


/*
 * Each value starts at a byte of its own: value 257 of "[[[[..." starts at
 * offset 256, and a body of 256 bytes or fewer is not counted at all.
 */
static void
json_count_needs_257_bytes_to_cut(void **state)
{
    unsigned char  body[300];

    (void) state;

    memset(body, '[', sizeof(body));

    assert_int_equal(ei_json_count_values(body, 256), 256);
    assert_int_equal(ei_json_count_values(body, 257), 256);
    assert_int_equal(ei_json_count_values(body, sizeof(body)), 256);
    assert_int_equal(ei_json_count_values(body, 100), 100);
}


static void
json_counts_values_not_member_names(void **state)
{
    size_t  i, len;
    char    body[8192];

    (void) state;

    /* 252 members "mN":"v": 252 values and 252 names */
    len = (size_t) sprintf(body, "{\"name\":\"a\",\"hmacKey\":\"" KEY "\","
                           "\"isDevelopmentKey\":false");
    for (i = 0; i < 252; i++) {
        len += (size_t) sprintf(body + len, ",\"m%zu\":\"v\"", i);
    }
    strcpy(body + len, "}");

    assert_int_equal(check_default(body), EI_OK);

    /* one more member is one value too many, at its value */
    strcpy(body + len, ",\"z\":\"v\"}");
    assert_int_equal(check_default(body), EI_REJECT_JSON);
    assert_true(strncmp(v.msg, "invalid JSON: too many values at line 1, "
                        "column ", 41) == 0);
    assert_int_equal(atoi(v.msg + 48), (int) len + 6);
}


static void
json_value_count_skips_strings_whole(void **state)
{
    size_t  i, len;
    char    x[4096];

    (void) state;

    /*
     * Brackets, commas, quotes and backslashes inside strings are not
     * structure: one string of them is one value.
     */
    len = 0;
    x[len++] = '"';
    for (i = 0; i < 300; i++) {
        memcpy(x + len, "[{,:\\\"\\\\", 8);
        len += 8;
    }
    x[len++] = '"';
    x[len] = '\0';

    expect_x(x, EI_OK, NULL);
}


static void
json_counts_columns_in_characters_and_lines(void **state)
{
    size_t  i, len;
    char    body[8192];

    (void) state;

    /* 256 values over several lines, the 257th after two-byte characters */
    len = (size_t) sprintf(body, "{\"name\":\"\xc3\xa9\","
                           "\"hmacKey\":\"" KEY "\",\n"
                           "\"isDevelopmentKey\":false,\n\"x\":[");
    for (i = 0; i < 250; i++) {
        len += (size_t) sprintf(body + len, "0,");
    }
    len += (size_t) sprintf(body + len, "\n \"\xc3\xa9\xc3\xa9\", 1]}");

    expect(body, EI_REJECT_JSON,
           "invalid JSON: too many values at line 4, column 8");
}


static void
json_errors_before_the_257th_value_are_janssons(void **state)
{
    char  *x, *body;

    (void) state;

    /* a syntax error early in a wide array is reported as it was */
    x = zeros(600);
    x[21] = ':';
    expect_x(x, EI_REJECT_JSON,
             "invalid JSON: syntax error at line 1, column 108");

    /* invalid UTF-8 just before the cut, then too many */
    free(x);
    x = zeros(600);
    body = body_with_x(x);
    body[5] = (char) 0xff;
    expect(body, EI_REJECT_JSON,
           "invalid JSON: invalid UTF-8 at line 1, column 5");
    free(body);

    /* a duplicate member before the cut */
    body = malloc(4096);
    assert_non_null(body);
    sprintf(body, "{\"name\":\"a\",\"name\":\"b\",\"x\":%s}", x);
    expect(body, EI_REJECT_JSON,
           "invalid JSON: duplicate member name at line 1, column 18");
    free(body);

    /* an error after the cut is not reached */
    x[1000] = 'x';
    expect_x(x, EI_REJECT_JSON,
             "invalid JSON: too many values at line 1, column 590");
    free(x);
}


static void
json_values_after_the_object_are_janssons_to_refuse(void **state)
{
    char  *x, *body, *p;

    (void) state;

    /* 256 values, then an array of 300 after the object */
    x = zeros(251);
    body = body_with_x(x);
    p = malloc(strlen(body) + 1024);
    assert_non_null(p);
    free(x);
    x = zeros(300);
    sprintf(p, "%s %s", body, x);

    expect(p, EI_REJECT_JSON, "invalid JSON: unexpected data after the "
           "JSON value at line 1, column 592");

    free(p);
    free(body);
    free(x);
}


static void
json_value_bound_holds_for_unknown_fields_that_are_dropped(void **state)
{
    size_t  i, len;
    char    body[16384];

    (void) state;

    /* 2,000 nested arrays in a dropped unknown field: too many values */
    len = (size_t) sprintf(body, "{\"x\":");
    for (i = 0; i < 2000; i++) {
        body[len++] = '[';
    }
    for (i = 0; i < 2000; i++) {
        body[len++] = ']';
    }
    sprintf(body + len, ",\"name\":\"a\",\"hmacKey\":\"" KEY "\","
            "\"isDevelopmentKey\":false}");

    expect(body, EI_REJECT_JSON,
           "invalid JSON: too many values at line 1, column 261");
}


static void
json_error_texts_never_quote_the_input(void **state)
{
    /* jansson's own text would quote each of these, key fragment included */
    static const char  *bodies[] = {
        "{\"hmacKey\":\"" SECRET "\\q\"}",
        "{\"hmacKey\":\"" SECRET "\"x}",
        "{\"" SECRET "\":1,\"" SECRET "\":2}",
        "{\"hmacKey\":\"" SECRET "\\ud800\"}",
        "{\"hmacKey\":" SECRET "}",
        "{\"hmacKey\":\"" SECRET "\t\"}",
        "{\"hmacKey\":\"" SECRET "\\u0000\"}",
        "{\"hmacKey\":\"" SECRET "\"}" SECRET,
    };
    size_t  i;

    (void) state;

    for (i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
        assert_int_equal(check_default(bodies[i]), EI_REJECT_JSON);
        assert_false(contains(v.msg, "Vx9Q"));
        assert_false(contains(v.msg, "near"));
        assert_true(strncmp(v.msg, "invalid JSON: ", 14) == 0);
    }
}


/* schema: step 8 */


static void
schema_requires_every_field(void **state)
{
    (void) state;

    expect("{}", EI_REJECT_SCHEMA,
           "name is required; hmacKey is required; "
           "isDevelopmentKey is required");
    expect("{\"name\":\"a\",\"isDevelopmentKey\":true}", EI_REJECT_SCHEMA,
           "hmacKey is required");
}


static void
schema_name_must_be_a_string(void **state)
{
    static const char  *values[] = { "{}", "[]", "[\"a\"]", "1", "1.5",
                                     "null", "true", "false" };
    size_t  i;
    char    body[256];

    (void) state;

    for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
        snprintf(body, sizeof(body), "{\"name\":%s,\"hmacKey\":\"" KEY "\","
                 "\"isDevelopmentKey\":false}", values[i]);
        expect(body, EI_REJECT_SCHEMA, "name must be a string");
    }
}


static void
schema_hmacKey_must_be_a_string(void **state)
{
    static const char  *values[] = { "{\"a\":1}", "[]", "123", "null",
                                     "true" };
    size_t  i;
    char    body[256];

    (void) state;

    for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
        snprintf(body, sizeof(body), "{\"name\":\"a\",\"hmacKey\":%s,"
                 "\"isDevelopmentKey\":false}", values[i]);
        expect(body, EI_REJECT_SCHEMA, "hmacKey must be a string");
    }
}


static void
schema_isDevelopmentKey_must_be_a_boolean(void **state)
{
    static const char  *values[] = { "\"true\"", "1", "0", "null", "{}",
                                     "[true]" };
    size_t  i;
    char    body[256];

    (void) state;

    for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
        snprintf(body, sizeof(body), "{\"name\":\"a\",\"hmacKey\":\"" KEY "\","
                 "\"isDevelopmentKey\":%s}", values[i]);
        expect(body, EI_REJECT_SCHEMA, "isDevelopmentKey must be a boolean");
    }
}


static void
schema_name_must_not_be_empty(void **state)
{
    (void) state;

    expect(BODY("", KEY, "false"), EI_REJECT_SCHEMA,
           "name must not be empty");
}


static void
schema_name_is_at_most_name_max_length_bytes(void **state)
{
    char              name[300], body[400];
    ei_body_policy_t  p = policy_default();

    (void) state;

    memset(name, 'n', 255);
    name[255] = '\0';
    snprintf(body, sizeof(body), BODY("%s", KEY, "false"), name);
    assert_int_equal(check(body, &p), EI_OK);
    assert_int_equal(res.name_len, 255);

    memset(name, 'n', 256);
    name[256] = '\0';
    snprintf(body, sizeof(body), BODY("%s", KEY, "false"), name);
    assert_int_equal(check(body, &p), EI_REJECT_SCHEMA);
    assert_string_equal(v.msg, "name must be at most 255 bytes");

    /* bytes, not characters: four two-byte characters are 8 bytes */
    p.name_max_length = 7;
    assert_int_equal(check(BODY("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", KEY,
                                "false"), &p),
                     EI_REJECT_SCHEMA);
    assert_string_equal(v.msg, "name must be at most 7 bytes");

    /* and the unescaped bytes count, not the escapes */
    p.name_max_length = 2;
    assert_int_equal(check(BODY("\\u00e9", KEY, "false"), &p), EI_OK);
}


static void
schema_name_must_not_be_only_white_space(void **state)
{
    (void) state;

    expect(BODY("   ", KEY, "false"), EI_REJECT_SCHEMA,
           "name must not be only white space");

    /* white space that is also control characters breaks both rules */
    expect(BODY(" \\t\\r\\n\\f ", KEY, "false"), EI_REJECT_SCHEMA,
           "name must not be only white space; "
           "name must not contain control characters");

    /* Unicode white space too: U+00A0, U+2003, U+3000, U+2028 */
    expect(BODY("\xc2\xa0", KEY, "false"), EI_REJECT_SCHEMA,
           "name must not be only white space");
    expect(BODY(" \u2003\xe3\x80\x80\u00a0", KEY, "false"),
           EI_REJECT_SCHEMA, "name must not be only white space");
    expect(BODY("\u2028", KEY, "false"), EI_REJECT_SCHEMA,
           "name must not be only white space");

    /* but not characters that only look blank: ZERO WIDTH SPACE */
    assert_int_equal(check_default(BODY("\u200b", KEY, "false")), EI_OK);

    /* white space around a visible character is fine */
    assert_int_equal(check_default(BODY("\u3000ci key\u00a0", KEY,
                                        "false")),
                     EI_OK);
}


/* each of n names (JSON source) in a body otherwise valid gives msg */
static void
expect_names(const char **names, size_t n, const char *msg)
{
    size_t  i;
    char    body[256];

    for (i = 0; i < n; i++) {
        snprintf(body, sizeof(body), BODY("%s", KEY, "false"), names[i]);
        expect(body, EI_REJECT_SCHEMA, msg);
    }
}


static void
schema_name_must_not_contain_control_characters(void **state)
{
    static const char  *names[] = { "a\\tb", "a\\u0001", "\\u001fz",
                                    "del\\u007f", "a\x7f", "x\\n",
                                    "x\\b" };

    (void) state;

    expect_names(names, sizeof(names) / sizeof(names[0]),
                 "name must not contain control characters");

    /* the C1 controls, U+0080 to U+009F, escaped or raw */
    expect(BODY("a\\u0080", KEY, "false"), EI_REJECT_SCHEMA,
           "name must not contain control characters");
    expect(BODY("a\xc2\x9f", KEY, "false"), EI_REJECT_SCHEMA,
           "name must not contain control characters");

    /* U+00A0 and U+00A1 are not controls */
    assert_int_equal(check_default(BODY("a\xc2\xa0\xc2\xa1", KEY, "false")),
                     EI_OK);
}


static void
schema_reports_every_error_in_schema_order(void **state)
{
    ei_body_policy_t  p = policy_default();

    (void) state;

    expect("{\"isDevelopmentKey\":\"yes\",\"x\":1}", EI_REJECT_SCHEMA,
           "name is required; hmacKey is required; "
           "isDevelopmentKey must be a boolean");

    expect("{\"isDevelopmentKey\":0,\"hmacKey\":[],\"name\":\"\"}",
           EI_REJECT_SCHEMA,
           "name must not be empty; hmacKey must be a string; "
           "isDevelopmentKey must be a boolean");

    p.reject_unknown = 1;
    p.name_max_length = 3;
    assert_int_equal(check("{\"zz\":1,\"HMACKEY\":\"x\","
                           "\"name\":\"\\t\\t\\t\\t\",\"isDevelopmentKey\":1}",
                           &p),
                     EI_REJECT_SCHEMA);
    assert_string_equal(v.msg,
                        "name must be at most 3 bytes; "
                        "name must not be only white space; "
                        "name must not contain control characters; "
                        "hmacKey is spelled with the wrong letter case; "
                        "isDevelopmentKey must be a boolean; "
                        "unknown field \"zz\" is not allowed");
}


static void
schema_rejects_case_variants_even_when_dropping_unknown_fields(void **state)
{
    ei_body_policy_t  p = policy_default();

    (void) state;

    p.reject_unknown = 0;

    assert_int_equal(check("{\"name\":\"a\",\"hmacKey\":\"" KEY "\","
                           "\"isDevelopmentKey\":false,"
                           "\"HMACKEY\":\"0000\"}", &p),
                     EI_REJECT_SCHEMA);
    assert_string_equal(v.msg,
                        "hmacKey is spelled with the wrong letter case");

    assert_int_equal(check("{\"Name\":\"a\",\"hmacKey\":\"" KEY "\","
                           "\"isDevelopmentKey\":false}", &p),
                     EI_REJECT_SCHEMA);
    assert_string_equal(v.msg, "name is spelled with the wrong letter case");

    assert_int_equal(check("{\"name\":\"a\",\"hmacKey\":\"" KEY "\","
                           "\"ISDEVELOPMENTKEY\":true}", &p),
                     EI_REJECT_SCHEMA);
    assert_string_equal(v.msg,
                        "isDevelopmentKey is spelled with the wrong letter "
                        "case");
}


static void
schema_case_variant_message_uses_the_schema_spelling(void **state)
{
    (void) state;

    expect("{\"NaMe\":\"a\",\"NAME\":\"b\",\"HmAcKeY\":\"" SECRET "\","
           "\"isdevelopmentkey\":true}", EI_REJECT_SCHEMA,
           "name is spelled with the wrong letter case; "
           "hmacKey is spelled with the wrong letter case; "
           "isDevelopmentKey is spelled with the wrong letter case");
    assert_false(contains(v.msg, "NaMe"));
    assert_false(contains(v.msg, "HmAcKeY"));
}


static void
schema_case_variants_include_non_ascii_folds(void **state)
{
    (void) state;

    /* KELVIN SIGN, which Java and .NET fold to 'k' */
    expect("{\"name\":\"a\",\"hmacKey\":\"" KEY "\",\"isDevelopmentKey\":"
           "false,\"hmac\\u212aey\":\"0\"}", EI_REJECT_SCHEMA,
           "hmacKey is spelled with the wrong letter case");

    /* DOTLESS I and LONG S, which they fold to 'I' and 'S' */
    expect("{\"name\":\"a\",\"hmacKey\":\"" KEY "\",\"isDevelopmentKey\":"
           "false,\"\xc4\xb1\xc5\xbf" "DevelopmentKey\":true}",
           EI_REJECT_SCHEMA,
           "isDevelopmentKey is spelled with the wrong letter case");

    /* other look-alikes are just unknown fields */
    assert_int_equal(check_default("{\"name\":\"a\",\"hmacKey\":\"" KEY "\","
                                   "\"isDevelopmentKey\":false,"
                                   "\"n\\u0430me\":\"x\"}"),
                     EI_OK);
}


static void
schema_near_names_are_unknown_fields_not_case_variants(void **state)
{
    (void) state;

    assert_int_equal(check_default("{\"name\":\"a\",\"hmacKey\":\"" KEY "\","
                                   "\"isDevelopmentKey\":false,"
                                   "\"names\":1,\"hmacKe\":2,"
                                   "\"hmac_key\":3}"),
                     EI_OK);
}


static void
schema_drops_unknown_fields_by_default(void **state)
{
    ei_body_policy_t  p = policy_default();

    (void) state;

    expect_canonical("{\"extra\":{\"a\":[1,2,null]},\"name\":\"a\","
                     "\"hmacKey\":\"" KEY "\",\"isDevelopmentKey\":false,"
                     "\"x\":\"y\"}", &p,
                     BODY("a", KEY, "false"));
}


static void
schema_rejects_unknown_fields_when_asked(void **state)
{
    ei_body_policy_t  p = policy_default();

    (void) state;

    p.reject_unknown = 1;

    assert_int_equal(check("{\"name\":\"a\",\"hmacKey\":\"" KEY "\","
                           "\"isDevelopmentKey\":false,\"x\":1,\"y\":2}", &p),
                     EI_REJECT_SCHEMA);
    assert_string_equal(v.msg, "unknown fields \"x\" and \"y\" are not "
                        "allowed");

    expect_canonical(BODY("a", KEY, "false"), &p, BODY("a", KEY, "false"));
}


static void
schema_keeps_the_name_when_only_other_fields_fail(void **state)
{
    (void) state;

    assert_int_equal(check_default("{\"name\":\"my \\\"key\\\"\","
                                   "\"hmacKey\":1}"),
                     EI_REJECT_SCHEMA);
    assert_non_null(res.name);
    assert_int_equal(res.name_len, 8);
    assert_memory_equal(res.name, "my \"key\"", 8);
    assert_null(res.canonical);
    assert_string_equal(res.fingerprint, "");

    assert_int_equal(check_default("{\"name\":\"\",\"hmacKey\":1}"),
                     EI_REJECT_SCHEMA);
    assert_null(res.name);
}


static void
schema_name_must_not_contain_bidirectional_controls(void **state)
{
    static const char  *names[] = {
        "a\\u202ab", "\\u202B", "x\\u202c", "\\u202dx", "abc\\u202e",
        "\\u2066x", "\\u2067x", "\\u2068x", "x\\u2069",
        "\xe2\x80\xae" "evil",
    };

    (void) state;

    expect_names(names, sizeof(names) / sizeof(names[0]),
                 "name must not contain bidirectional controls");

    /* their neighbours are not: U+2029 is white space, U+202F too */
    assert_int_equal(check_default(BODY("a\\u2029b\\u202fc\\u2065\\u206a",
                                        KEY, "false")),
                     EI_OK);

    /* every rule of the name at once, in the documented order */
    expect(BODY("\\u0085\\u202e", KEY, "false"), EI_REJECT_SCHEMA,
           "name must not contain control characters; "
           "name must not contain bidirectional controls");
    expect(BODY("\\u0085\\u3000", KEY, "false"), EI_REJECT_SCHEMA,
           "name must not be only white space; "
           "name must not contain control characters");
}


static ei_reason_t
check_reject_unknown(const char *body)
{
    ei_body_policy_t  p = policy_default();

    p.reject_unknown = 1;

    return check(body, &p);
}


#define HEAD                                                                 \
    "{\"name\":\"a\",\"hmacKey\":\"" KEY "\",\"isDevelopmentKey\":false"


static void
schema_names_each_unknown_field_in_member_order(void **state)
{
    (void) state;

    assert_int_equal(check_reject_unknown(HEAD ",\"comment\":\"x\"}"),
                     EI_REJECT_SCHEMA);
    assert_string_equal(v.msg, "unknown field \"comment\" is not allowed");

    assert_int_equal(check_reject_unknown("{\"b\":1,\"name\":\"a\","
                                          "\"hmacKey\":\"" KEY "\","
                                          "\"a\":2,\"isDevelopmentKey\":false,"
                                          "\"c\":[]}"),
                     EI_REJECT_SCHEMA);
    assert_string_equal(v.msg,
                        "unknown fields \"b\", \"a\" and \"c\" are not "
                        "allowed");

    assert_int_equal(check_reject_unknown(HEAD ",\"1\":1,\"2\":2,\"3\":3,"
                                          "\"4\":4,\"5\":5}"),
                     EI_REJECT_SCHEMA);
    assert_string_equal(v.msg, "unknown fields \"1\", \"2\", \"3\", \"4\" and "
                        "\"5\" are not allowed");

    assert_int_equal(check_reject_unknown(HEAD ",\"1\":1,\"2\":2,\"3\":3,"
                                          "\"4\":4,\"5\":5,\"6\":6}"),
                     EI_REJECT_SCHEMA);
    assert_string_equal(v.msg, "unknown fields \"1\", \"2\", \"3\", \"4\", "
                        "\"5\" and 1 more are not allowed");

    assert_int_equal(check_reject_unknown(HEAD ",\"1\":1,\"2\":2,\"3\":3,"
                                          "\"4\":4,\"5\":5,\"6\":6,\"7\":7,"
                                          "\"\":0}"),
                     EI_REJECT_SCHEMA);
    assert_string_equal(v.msg, "unknown fields \"1\", \"2\", \"3\", \"4\", "
                        "\"5\" and 3 more are not allowed");

    /* an empty name is a name */
    assert_int_equal(check_reject_unknown(HEAD ",\"\":0}"), EI_REJECT_SCHEMA);
    assert_string_equal(v.msg, "unknown field \"\" is not allowed");
}


static void
schema_unknown_field_names_are_json_escaped(void **state)
{
    (void) state;

    /* quote, backslash, the short escapes, other controls, DEL */
    assert_int_equal(check_reject_unknown(HEAD ",\"a\\\"b\\\\c\\n\\t"
                                          "\\u0001\\u007f\":1}"),
                     EI_REJECT_SCHEMA);
    assert_string_equal(v.msg, "unknown field \"a\\\"b\\\\c\\n\\t\\u0001"
                        "\\u007f\" is not allowed");

    /* C1 and bidirectional controls, line separators: \u escapes */
    assert_int_equal(check_reject_unknown(HEAD ",\"\\u0085\\u202e\\u2066"
                                          "\\u2028z\":1}"),
                     EI_REJECT_SCHEMA);
    assert_string_equal(v.msg, "unknown field "
                        "\"\\u0085\\u202e\\u2066\\u2028z\" is not allowed");

    /* other characters as they are, in UTF-8 */
    assert_int_equal(check_reject_unknown(HEAD ",\"caf\\u00e9 \xe2\x82\xac"
                                          "\":1}"),
                     EI_REJECT_SCHEMA);
    assert_string_equal(v.msg, "unknown field \"caf\xc3\xa9 \xe2\x82\xac\" is "
                        "not allowed");
}


/* an unknown member named name is shown as its first shown bytes */
static void
expect_shown(const char *name, size_t shown, int cut)
{
    char  body[400], expected[400];

    snprintf(body, sizeof(body), HEAD ",\"%s\":1}", name);
    assert_int_equal(check_reject_unknown(body), EI_REJECT_SCHEMA);

    snprintf(expected, sizeof(expected), "unknown field \"%.*s\"%s is not "
             "allowed", (int) shown, name, cut ? "..." : "");
    assert_string_equal(v.msg, expected);
}


static void
schema_shows_at_most_64_bytes_of_a_name(void **state)
{
    char  name[200];

    (void) state;

    memset(name, 'n', 64);
    name[64] = '\0';
    expect_shown(name, 64, 0);

    memset(name, 'n', 65);
    name[65] = '\0';
    expect_shown(name, 64, 1);

    /* never half a character: 63 bytes, then a 2-byte one across 64 */
    memset(name, 'n', 63);
    strcpy(name + 63, "\xc3\xa9zz");
    expect_shown(name, 63, 1);
}


static void
schema_never_shows_a_name_that_holds_the_key(void **state)
{
    char  body[512];

    (void) state;

    /* the key as a name, in a name, or a name that is part of the key */
    assert_int_equal(check_reject_unknown("{\"name\":\"a\",\"hmacKey\":\""
                                          SECRET "\",\"isDevelopmentKey\":"
                                          "false,\"" SECRET "\":1,"
                                          "\"my " SECRET "\":2,"
                                          "\"Vx9Qm2Lr\":3,\"ok\":4}"),
                     EI_REJECT_SCHEMA);
    assert_string_equal(v.msg, "unknown fields (name not shown), (name not "
                        "shown), (name not shown) and \"ok\" are not allowed");

    /* short parts of the key are shown: they tell nothing */
    assert_int_equal(check_reject_unknown("{\"name\":\"a\",\"hmacKey\":\""
                                          SECRET "\",\"isDevelopmentKey\":"
                                          "false,\"Vx9\":1}"),
                     EI_REJECT_SCHEMA);
    assert_string_equal(v.msg, "unknown field \"Vx9\" is not allowed");

    /* the value of a case variant of hmacKey counts as the key */
    assert_int_equal(check_reject_unknown("{\"name\":\"a\",\"HMACKEY\":\""
                                          SECRET "\",\"isDevelopmentKey\":"
                                          "false,\"" SECRET "\":1}"),
                     EI_REJECT_SCHEMA);
    assert_string_equal(v.msg, "hmacKey is spelled with the wrong letter "
                        "case; unknown field (name not shown) is not allowed");

    /* a long name whose first 64 bytes are a part of a long key */
    snprintf(body, sizeof(body),
             "{\"name\":\"a\",\"hmacKey\":\"%s%s%s%s%s\","
             "\"isDevelopmentKey\":false,\"%s%s%s%s%s\":1}",
             SECRET, SECRET, SECRET, SECRET, SECRET,
             SECRET, SECRET, SECRET, SECRET, SECRET);
    assert_int_equal(check_reject_unknown(body), EI_REJECT_SCHEMA);
    assert_string_equal(v.msg, "unknown field (name not shown) is not "
                        "allowed");
}


static void
schema_longest_text_fits_the_verdict(void **state)
{
    size_t            i, j, len;
    char              body[8192];
    ei_body_policy_t  p = policy_default();

    (void) state;

    /*
     * Every schema error at once, six unknown names of 65 control
     * characters, 64 of each shown as 6 bytes: nothing is cut off.
     */
    p.reject_unknown = 1;
    p.name_max_length = 1;

    len = (size_t) sprintf(body, "{\"name\":\"\\u0085\\u202e\\u3000\","
                           "\"NAME\":1,\"hmacKey\":1,\"HMACKEY\":1,"
                           "\"isDevelopmentKey\":1,\"ISDEVELOPMENTKEY\":1");
    for (i = 0; i < 6; i++) {
        len += (size_t) sprintf(body + len, ",\"");
        for (j = 0; j < 65; j++) {
            len += (size_t) sprintf(body + len, "\\u00%02zx", i + 1);
        }
        len += (size_t) sprintf(body + len, "\":0");
    }
    strcpy(body + len, "}");

    assert_int_equal(check(body, &p), EI_REJECT_SCHEMA);
    assert_true(v.len < EI_MSG_MAX - 1);
    assert_true(strncmp(v.msg, "name is spelled with the wrong letter case; "
                        "name must be at most 1 bytes; ", 74) == 0);
    assert_true(strstr(v.msg, "\"... and 1 more are not allowed") != NULL);
    assert_true(v.len > 5 * 6 * 64);
}


/* key rules: steps 9 and 10 */


static void
key_weak_is_rejected_with_the_strength_rule(void **state)
{
    (void) state;

    assert_int_equal(check_default(BODY("a", "0000", "false")),
                     EI_REJECT_WEAK_KEY);
    assert_true(v.len > 0);
    assert_string_equal(res.fingerprint, "");
    assert_null(res.canonical);
    assert_non_null(res.name);

    assert_int_equal(check_default(BODY("a", "", "false")),
                     EI_REJECT_WEAK_KEY);

    /* control characters in the key are a key rule, not JSON */
    assert_int_equal(check_default(BODY("a",
                                        "3f9a1c0e7b2d4f68a5c9e01b\\t3f2a64",
                                        "false")),
                     EI_REJECT_WEAK_KEY);
}


static void
key_too_long_for_the_policy_is_rejected(void **state)
{
    ei_body_policy_t  p = policy_default();

    (void) state;

    assert_int_equal(check(BODY("a", KEY "0", "false"), &p),
                     EI_REJECT_WEAK_KEY);

    p.strength.max_length = 64;
    assert_int_equal(check(BODY("a", KEY "0", "false"), &p), EI_OK);
}


static void
key_strong_passes_and_sets_fingerprint_and_bits(void **state)
{
    (void) state;

    assert_int_equal(check_default(BODY("a", KEY, "false")), EI_OK);
    assert_int_equal(strlen(res.fingerprint), EI_FINGERPRINT_LEN);
    assert_true(strncmp(res.fingerprint, "sha256:", 7) == 0);
    assert_true(res.key_bits >= 128);
    assert_int_equal(res.dev_key, 0);
}


static void
key_fingerprint_is_of_the_unescaped_key(void **state)
{
    unsigned char  d[EI_SHA256_LEN];
    char           fp[EI_FINGERPRINT_LEN + 1];

    (void) state;

    assert_int_equal(ei_sha256((const unsigned char *) KEY_ODD,
                               strlen(KEY_ODD), d), 0);
    ei_fingerprint(d, fp);

    assert_int_equal(check_default(BODY("a", KEY_ODD_JSON, "false")), EI_OK);
    assert_string_equal(res.fingerprint, fp);
}


static void
key_fingerprint_lazy_is_made_from_the_canonical_body(void **state)
{
    char              fp[EI_FINGERPRINT_LEN + 1], lazy[EI_FINGERPRINT_LEN + 1];
    ei_body_policy_t  p = policy_default();

    (void) state;

    /* the eager fingerprint of a key that the canonical body escapes */
    assert_int_equal(check_default(BODY("a", KEY_ODD_JSON, "false")), EI_OK);
    strcpy(fp, res.fingerprint);

    /* no digest while checking: the fingerprint is made when read */
    p.lazy_fingerprint = 1;
    assert_int_equal(check(BODY("a", KEY_ODD_JSON, "false"), &p), EI_OK);
    assert_string_equal(res.fingerprint, "");
    assert_int_equal(ei_body_key_fingerprint(res.canonical + res.key_at,
                                             res.key_len, lazy), 0);
    assert_string_equal(lazy, fp);

    /* a refused development key has its fingerprint at once */
    p.allow_dev_keys = 0;
    assert_int_equal(check(BODY("a", KEY_ODD_JSON, "true"), &p),
                     EI_REJECT_DEV_KEY);
    assert_string_equal(res.fingerprint, fp);
}


static void
key_fingerprint_lazy_unescapes_control_characters(void **state)
{
    char           fp[EI_FINGERPRINT_LEN + 1], lazy[EI_FINGERPRINT_LEN + 1];
    unsigned char  d[EI_SHA256_LEN];
    const char    *escaped = "a\\\\b\\\"c\\n\\u001fd\\t";

    (void) state;

    assert_int_equal(ei_sha256((const unsigned char *) "a\\b\"c\n\x1f" "d\t",
                               9, d), 0);
    ei_fingerprint(d, fp);

    assert_int_equal(ei_body_key_fingerprint((const unsigned char *) escaped,
                                             strlen(escaped), lazy), 0);
    assert_string_equal(lazy, fp);
}


static void
key_on_the_denylist_is_rejected(void **state)
{
    size_t            i, err_line;
    char              text[128];
    unsigned char     d[EI_SHA256_LEN];
    ei_denylist_t     dl;
    ei_body_policy_t  p = policy_default();

    (void) state;

    assert_int_equal(ei_sha256((const unsigned char *) KEY, strlen(KEY), d),
                     0);
    strcpy(text, "# leaked\n");
    for (i = 0; i < EI_SHA256_LEN; i++) {
        sprintf(text + 9 + 2 * i, "%02x", d[i]);
    }
    strcat(text, "\n");

    assert_int_equal(ei_denylist_parse((const unsigned char *) text,
                                       strlen(text), &dl, &err_line), 0);
    p.denylist = &dl;

    assert_int_equal(check(BODY("a", KEY, "false"), &p), EI_REJECT_DENYLISTED);
    assert_string_equal(v.msg,
                        "hmacKey is on the deny list of compromised keys");
    assert_false(contains(v.msg, KEY));

    /* the fingerprint is known once the key passed the strength rules */
    assert_int_equal(strlen(res.fingerprint), EI_FINGERPRINT_LEN);
    assert_null(res.canonical);

    /* denylisted even as a development key that would be refused too */
    p.allow_dev_keys = 0;
    assert_int_equal(check(BODY("a", KEY, "true"), &p), EI_REJECT_DENYLISTED);

    /* other keys pass */
    p.allow_dev_keys = 1;
    assert_int_equal(check(BODY("a", KEY_ODD_JSON, "false"), &p), EI_OK);

    ei_denylist_free(&dl);
}


static void
key_development_refused_when_not_allowed(void **state)
{
    ei_body_policy_t  p = policy_default();

    (void) state;

    p.allow_dev_keys = 0;

    assert_int_equal(check(BODY("a", KEY, "true"), &p), EI_REJECT_DEV_KEY);
    assert_string_equal(v.msg,
                        "development keys are not accepted by this gateway");
    assert_int_equal(res.dev_key, 1);
    assert_int_equal(strlen(res.fingerprint), EI_FINGERPRINT_LEN);
    assert_null(res.canonical);

    assert_int_equal(check(BODY("a", KEY, "false"), &p), EI_OK);
    assert_int_equal(res.dev_key, 0);

    p.allow_dev_keys = 1;
    expect_canonical(BODY("a", KEY, "true"), &p, BODY("a", KEY, "true"));
    assert_int_equal(res.dev_key, 1);
}


static void
key_rules_run_only_after_the_schema_passed(void **state)
{
    ei_body_policy_t  p = policy_default();

    (void) state;

    p.allow_dev_keys = 0;

    /* a weak key and a schema error: the schema error is the answer */
    assert_int_equal(check("{\"name\":\"\",\"hmacKey\":\"0\","
                           "\"isDevelopmentKey\":true}", &p),
                     EI_REJECT_SCHEMA);

    /* a weak development key: weak */
    assert_int_equal(check(BODY("a", "0", "true"), &p), EI_REJECT_WEAK_KEY);
}


/* canonical body: step 11 */


static void
canonical_is_compact_in_schema_order(void **state)
{
    ei_body_policy_t  p = policy_default();

    (void) state;

    expect_canonical("{\n  \"isDevelopmentKey\" : false ,\n"
                     "  \"hmacKey\" : \"" KEY "\",\n"
                     "  \"name\" :\t\"ci key\"\r\n}\n", &p,
                     "{\"name\":\"ci key\",\"hmacKey\":\"" KEY "\","
                     "\"isDevelopmentKey\":false}");
    assert_int_equal(res.name_len, 6);
    assert_memory_equal(res.name, "ci key", 6);
    assert_ptr_equal(res.name, res.canonical + res.canonical_len);
}


static void
canonical_escapes_only_quote_and_backslash_in_the_name(void **state)
{
    ei_body_policy_t  p = policy_default();

    (void) state;

    /* \" \\ \/ \u00e9 and a surrogate pair, and member names escaped */
    expect_canonical("{\"n\\u0061me\":\"a\\\"b\\\\c\\/d\\u00e9"
                     "\\ud83d\\ude00 \xe2\x82\xac\","
                     "\"hmacKey\":\"" KEY "\",\"isDevelopmentKey\":true}", &p,
                     "{\"name\":\"a\\\"b\\\\c/d\xc3\xa9\xf0\x9f\x98\x80 "
                     "\xe2\x82\xac\",\"hmacKey\":\"" KEY "\","
                     "\"isDevelopmentKey\":true}");
    assert_int_equal(res.name_len, 17);
    assert_memory_equal(res.name,
                        "a\"b\\c/d\xc3\xa9\xf0\x9f\x98\x80 \xe2\x82\xac", 17);
}


static void
canonical_unescapes_the_solidus_in_the_key(void **state)
{
    ei_body_policy_t  p = policy_default();

    (void) state;

    expect_canonical(BODY("k", "3f9a1c0e\\/b2d4f68a5c9e01b7d3f2a64", "false"),
                     &p,
                     BODY("k", "3f9a1c0e/b2d4f68a5c9e01b7d3f2a64", "false"));
}


static void
canonical_escapes_quote_and_backslash_in_the_key(void **state)
{
    ei_body_policy_t  p = policy_default();

    (void) state;

    /* written with \u escapes, forwarded with the short ones */
    expect_canonical(BODY("k", "Zq7\\u0022Kp2\\u005cxW9@mR4$vT6&nB8*cY3^hJ5%",
                          "false"),
                     &p, BODY("k", KEY_ODD_JSON, "false"));
}


static void
canonical_is_never_longer_than_the_body(void **state)
{
    static const char  *bodies[] = {
        BODY("a", KEY, "false"),
        BODY("a\\\"\\\\", KEY, "true"),
        BODY("\\u00e9\\u20ac\\ud83d\\ude00", KEY_ODD_JSON, "false"),
        BODY("x", "3f9a1c0e\\/b2d4f68a5c9e01b7d3f2a64", "false"),
    };
    size_t            i;
    ei_body_policy_t  p = policy_default();

    (void) state;

    for (i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
        assert_int_equal(check(bodies[i], &p), EI_OK);
        assert_true(res.canonical_len <= strlen(bodies[i]));
        assert_true(res.canonical_len + res.name_len
                    <= ei_body_out_size(strlen(bodies[i])));
    }

    /* an already canonical body is its own canonical form */
    assert_int_equal(check(bodies[0], &p), EI_OK);
    assert_int_equal(res.canonical_len, strlen(bodies[0]));
}


static void
canonical_reparses_to_itself(void **state)
{
    char              first[256];
    size_t            len;
    ei_body_policy_t  p = policy_default();

    (void) state;

    assert_int_equal(check(" {\"hmacKey\":\"" KEY_ODD_JSON "\", \"n\":[],"
                           "\"isDevelopmentKey\":true,"
                           "\"name\":\"\\\"q\\\" \\u00e9\"}", &p),
                     EI_OK);
    len = res.canonical_len;
    assert_true(len < sizeof(first));
    memcpy(first, res.canonical, len);

    p.reject_unknown = 1;
    assert_int_equal(check_n(first, len, &p), EI_OK);
    assert_int_equal(res.canonical_len, len);
    assert_memory_equal(res.canonical, first, len);
}


static void
out_size_leaves_room_for_canonical_and_name(void **state)
{
    (void) state;

    assert_true(ei_body_out_size(0) >= 64);
    assert_true(ei_body_out_size(100) >= 200);
}


static void
out_too_small_is_refused(void **state)
{
    unsigned char     small[8];
    ei_body_policy_t  p = policy_default();

    (void) state;

    assert_int_not_equal(ei_body_check((const unsigned char *) "{}", 2, &p,
                                       small, sizeof(small), &res, &v),
                         EI_OK);

    /* not the client's fault: 500 */
    assert_int_equal(v.reason, EI_ERROR_INTERNAL);
    assert_string_equal(v.msg, "internal server error");
}


/* secrets */


static void
error_texts_never_contain_the_key(void **state)
{
    static const char  *bodies[] = {
        /* JSON */
        "{\"hmacKey\":\"" SECRET "\",\"hmacKey\":\"" SECRET "\"}",
        "{\"hmacKey\":\"" SECRET "\\x\"}",
        "{\"hmacKey\":\"" SECRET "\"",
        "{\"hmacKey\":\"" SECRET "\"}  \"" SECRET "\"",
        "[\"" SECRET "\"]",
        /* schema */
        "{\"hmacKey\":\"" SECRET "\"}",
        "{\"name\":1,\"hmacKey\":\"" SECRET "\",\"isDevelopmentKey\":1}",
        "{\"name\":\"" SECRET "\\t\",\"hmacKey\":\"" SECRET "\","
        "\"isDevelopmentKey\":true}",
        "{\"name\":\"a\",\"HMACKEY\":\"" SECRET "\",\"isDevelopmentKey\":true}",
        "{\"name\":\"a\",\"" SECRET "\":\"" SECRET "\","
        "\"hmacKey\":\"" SECRET "\",\"isDevelopmentKey\":true}",
        /* weak: too short, too long, repeated */
        BODY("a", SECRET, "false"),
        BODY("a", SECRET SECRET SECRET, "false"),
        BODY("a", SECRET SECRET, "false"),
        BODY("a", "Vx9Q\\u00e9", "false"),
        /* development key (denylisted: key_on_the_denylist_is_rejected) */
        BODY("a", KEY, "true"),
    };
    size_t            i;
    ei_body_policy_t  p = policy_default();

    (void) state;

    p.reject_unknown = 1;
    p.allow_dev_keys = 0;

    for (i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
        assert_int_not_equal(check(bodies[i], &p), EI_OK);
        assert_false(contains(v.msg, SECRET));
        assert_false(contains(v.msg, "Vx9Q"));
        assert_false(contains(v.msg, KEY));
        assert_false(contains(v.msg, "3f9a"));
    }
}


static void
out_holds_no_key_when_rejected(void **state)
{
    ei_body_policy_t  p = policy_default();

    (void) state;

    p.allow_dev_keys = 0;

    assert_int_equal(check(BODY("a", KEY, "true"), &p), EI_REJECT_DEV_KEY);
    assert_false(mem_contains(out,
                              ei_body_out_size(strlen(BODY("a", KEY, "true"))),
                              KEY));
}


/* internal failures: 500, never the client's 400 */


static void
internal_no_memory_for_the_parse_is_an_internal_error(void **state)
{
    size_t       limit;
    ei_reason_t  rc;
    int          failed, passed;

    (void) state;

    /*
     * Whichever block jansson cannot have (its lexer, a string, an object,
     * a hash table), the answer is 500, not a JSON error at some position;
     * with enough memory the body passes.
     */
    failed = 0;
    passed = 0;

    for (limit = 1; limit < 4096; limit += 16) {
        ei_body_set_parse_memory(limit);
        rc = check_default("{\"name\":\"a somewhat longer name\","
                           "\"x\":[1,{\"y\":\"z\"}],"
                           "\"hmacKey\":\"" KEY "\","
                           "\"isDevelopmentKey\":true}");

        if (rc == EI_ERROR_INTERNAL) {
            assert_string_equal(v.msg, "internal server error");
            assert_null(res.canonical);
            assert_null(res.name);
            assert_false(passed);
            failed++;

        } else {
            assert_int_equal(rc, EI_OK);
            passed++;
        }
    }

    ei_body_set_parse_memory(0);

    assert_true(failed > 4);
    assert_true(passed > 0);

    /* and the arena works again */
    assert_int_equal(check_default(BODY("a", KEY, "false")), EI_OK);
}


static void
arena_is_cleansed_after_every_body(void **state)
{
    char   *x, *body;

    (void) state;

    assert_int_equal(check_default(BODY("a", KEY, "false")), EI_OK);
    assert_false(ei_body_arena_holds((const unsigned char *) KEY,
                                     strlen(KEY)));

    assert_int_equal(check_default(BODY("a", SECRET, "false")),
                     EI_REJECT_WEAK_KEY);
    assert_false(ei_body_arena_holds((const unsigned char *) "Vx9Qm2Lr",
                                     8));

    /* a body that needs more than one chunk */
    x = malloc(200000);
    assert_non_null(x);
    memset(x, 'q', 199990);
    memcpy(x, "\"", 1);
    memcpy(x + 199990, "\"", 2);
    body = body_with_x(x);
    assert_int_equal(check_default(body), EI_OK);
    assert_false(ei_body_arena_holds((const unsigned char *) KEY,
                                     strlen(KEY)));
    assert_false(ei_body_arena_holds((const unsigned char *) "qqqqqqqq", 8));
    free(body);
    free(x);
}


/* texts without printf (ei_reason.c) */


static void
verdict_text_and_cat_build_and_truncate(void **state)
{
    size_t  i;

    (void) state;

    ei_verdict_text(&v, EI_REJECT_JSON, "abc", 3);
    ei_verdict_cat_lit(&v, " at ");
    ei_verdict_cat_uint(&v, 0);
    ei_verdict_cat_lit(&v, "/");
    ei_verdict_cat_uint(&v, 18446744073709551615UL);
    assert_int_equal(v.reason, EI_REJECT_JSON);
    assert_string_equal(v.msg, "abc at 0/18446744073709551615");
    assert_int_equal(v.len, strlen(v.msg));

    for (i = 0; i < EI_MSG_MAX; i++) {
        ei_verdict_cat_lit(&v, "xy");
    }
    assert_int_equal(v.len, EI_MSG_MAX - 1);
    assert_int_equal(strlen(v.msg), EI_MSG_MAX - 1);
}


static void
error_body_size_is_exact(void **state)
{
    static const char  *msgs[] = { "", "a", "q\"b\\c", "\x01\x7f\n",
                                   "caf\xc3\xa9" };
    size_t  i, n;
    char    out[256];

    (void) state;

    for (i = 0; i < sizeof(msgs) / sizeof(msgs[0]); i++) {
        n = ei_error_body_size(msgs[i], strlen(msgs[i]));
        assert_int_equal(ei_error_body(msgs[i], strlen(msgs[i]), out, n), n);
        assert_int_equal(ei_error_body(msgs[i], strlen(msgs[i]), out, n - 1),
                         0);
    }
}


static void
verdict_is_ok_and_empty_on_success(void **state)
{
    (void) state;

    assert_int_equal(check_default(BODY("a", KEY, "false")), EI_OK);
    assert_int_equal(v.reason, EI_OK);
    assert_int_equal(v.len, 0);
}


static int
teardown(void **state)
{
    (void) state;

    free(out);
    out = NULL;

    return 0;
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(json_rejects_duplicate_member_name),
        cmocka_unit_test(
            json_rejects_duplicate_schema_key_with_different_values),
        cmocka_unit_test(json_rejects_data_after_the_value),
        cmocka_unit_test(json_allows_white_space_around_the_value),
        cmocka_unit_test(json_rejects_unexpected_end_of_input),
        cmocka_unit_test(json_rejects_syntax_error),
        cmocka_unit_test(json_rejects_invalid_token),
        cmocka_unit_test(json_rejects_invalid_utf8),
        cmocka_unit_test(json_rejects_nul_escape_in_a_string),
        cmocka_unit_test(json_rejects_nul_escape_in_a_member_name),
        cmocka_unit_test(json_rejects_raw_nul_byte),
        cmocka_unit_test(json_rejects_lone_surrogates),
        cmocka_unit_test(json_rejects_invalid_escapes),
        cmocka_unit_test(json_rejects_control_characters_in_strings),
        cmocka_unit_test(json_rejects_numbers_out_of_range),
        cmocka_unit_test(json_refuses_nesting_past_the_value_bound),
        cmocka_unit_test(
            json_accepts_nesting_within_the_bound_in_unknown_fields),
        cmocka_unit_test(json_rejects_an_array_at_the_top),
        cmocka_unit_test(json_rejects_a_scalar_at_the_top),
        cmocka_unit_test(json_rejects_a_byte_order_mark),
        cmocka_unit_test(json_counts_lines_and_columns_from_one),
        cmocka_unit_test(json_reads_exactly_len_bytes),
        cmocka_unit_test(json_accepts_up_to_256_values),
        cmocka_unit_test(json_count_needs_257_bytes_to_cut),
        cmocka_unit_test(json_refuses_the_257th_value_where_it_starts),
        cmocka_unit_test(json_counts_values_not_member_names),
        cmocka_unit_test(json_value_count_skips_strings_whole),
        cmocka_unit_test(json_counts_columns_in_characters_and_lines),
        cmocka_unit_test(json_errors_before_the_257th_value_are_janssons),
        cmocka_unit_test(json_values_after_the_object_are_janssons_to_refuse),
        cmocka_unit_test(
            json_value_bound_holds_for_unknown_fields_that_are_dropped),
        cmocka_unit_test(json_error_texts_never_quote_the_input),
        cmocka_unit_test(schema_requires_every_field),
        cmocka_unit_test(schema_name_must_be_a_string),
        cmocka_unit_test(schema_hmacKey_must_be_a_string),
        cmocka_unit_test(schema_isDevelopmentKey_must_be_a_boolean),
        cmocka_unit_test(schema_name_must_not_be_empty),
        cmocka_unit_test(schema_name_is_at_most_name_max_length_bytes),
        cmocka_unit_test(schema_name_must_not_be_only_white_space),
        cmocka_unit_test(schema_name_must_not_contain_control_characters),
        cmocka_unit_test(schema_reports_every_error_in_schema_order),
        cmocka_unit_test(
            schema_rejects_case_variants_even_when_dropping_unknown_fields),
        cmocka_unit_test(schema_case_variant_message_uses_the_schema_spelling),
        cmocka_unit_test(schema_case_variants_include_non_ascii_folds),
        cmocka_unit_test(
            schema_near_names_are_unknown_fields_not_case_variants),
        cmocka_unit_test(schema_drops_unknown_fields_by_default),
        cmocka_unit_test(schema_rejects_unknown_fields_when_asked),
        cmocka_unit_test(schema_keeps_the_name_when_only_other_fields_fail),
        cmocka_unit_test(schema_name_must_not_contain_bidirectional_controls),
        cmocka_unit_test(schema_names_each_unknown_field_in_member_order),
        cmocka_unit_test(schema_unknown_field_names_are_json_escaped),
        cmocka_unit_test(schema_shows_at_most_64_bytes_of_a_name),
        cmocka_unit_test(schema_never_shows_a_name_that_holds_the_key),
        cmocka_unit_test(schema_longest_text_fits_the_verdict),
        cmocka_unit_test(key_weak_is_rejected_with_the_strength_rule),
        cmocka_unit_test(key_too_long_for_the_policy_is_rejected),
        cmocka_unit_test(key_strong_passes_and_sets_fingerprint_and_bits),
        cmocka_unit_test(key_fingerprint_is_of_the_unescaped_key),
        cmocka_unit_test(key_fingerprint_lazy_is_made_from_the_canonical_body),
        cmocka_unit_test(key_fingerprint_lazy_unescapes_control_characters),
        cmocka_unit_test(key_on_the_denylist_is_rejected),
        cmocka_unit_test(key_development_refused_when_not_allowed),
        cmocka_unit_test(key_rules_run_only_after_the_schema_passed),
        cmocka_unit_test(canonical_is_compact_in_schema_order),
        cmocka_unit_test(
            canonical_escapes_only_quote_and_backslash_in_the_name),
        cmocka_unit_test(canonical_unescapes_the_solidus_in_the_key),
        cmocka_unit_test(canonical_escapes_quote_and_backslash_in_the_key),
        cmocka_unit_test(canonical_is_never_longer_than_the_body),
        cmocka_unit_test(canonical_reparses_to_itself),
        cmocka_unit_test(out_size_leaves_room_for_canonical_and_name),
        cmocka_unit_test(out_too_small_is_refused),
        cmocka_unit_test(error_texts_never_contain_the_key),
        cmocka_unit_test(out_holds_no_key_when_rejected),
        cmocka_unit_test(
            internal_no_memory_for_the_parse_is_an_internal_error),
        cmocka_unit_test(arena_is_cleansed_after_every_body),
        cmocka_unit_test(verdict_text_and_cat_build_and_truncate),
        cmocka_unit_test(error_body_size_is_exact),
        cmocka_unit_test(verdict_is_ok_and_empty_on_success),
    };

    ei_body_init();

    if (ei_crypto_init() != 0) {
        fprintf(stderr, "SHA-256 is not available\n");
        return 1;
    }

    return cmocka_run_group_tests(tests, NULL, teardown);
}
