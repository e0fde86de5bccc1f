/*
 * Unit tests of src/ei_target.c, src/ei_apikey.c and src/ei_reason.c:
 * each test names the rule of README "What a request goes through"
 * (steps 3-5) it proves.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "ei_apikey.h"
#include "ei_reason.h"
#include "ei_target.h"


static ei_reason_t
target(const char *t, uint64_t *id)
{
    ei_verdict_t  v;
    uint64_t      dummy;

    return ei_target_check((const unsigned char *) t, strlen(t),
                           id ? id : &dummy, &v);
}


static void
canonical_target_gives_project_id(void **state)
{
    uint64_t  id = 0;

    (void) state;

    assert_int_equal(target("/v1/api/42/hmackeys", &id), EI_OK);
    assert_true(id == 42);
    assert_int_equal(target("/api/1/hmackeys", &id), EI_OK);
    assert_true(id == 1);
    assert_int_equal(target("/gw/v1/api/9007199254740991/hmackeys", &id),
                     EI_OK);
    assert_true(id == 9007199254740991ULL);
    assert_int_equal(target("/apis/hmackey/v1/api/7/hmackeys", &id), EI_OK);
    assert_true(id == 7);
}


static void
non_canonical_target_is_400(void **state)
{
    static const char  *bad[] = {
        "/v1/api/1/hmackeys?x=1", "/v1/api/1/hmackeys?", "/v1/api/%31/hmackeys",
        "/v1/api/1/hmackey%73", "/v1/api/1%2Fhmackeys", "/v1//api/1/hmackeys",
        "//v1/api/1/hmackeys", "/v1/./api/1/hmackeys", "/v1/../api/1/hmackeys",
        "/v1/api/1/hmackeys/.", "/v1/api/1/hmackeys/..", "/v1/api/1;x/hmackeys",
        "/v1/api/1/hmackeys;", "/v1/api/1/hmackeys#frag", "v1/api/1/hmackeys",
        "", "*", "/v1/api/1/hmac keys", "/v1/api/1/hmac\\keys",
        "/v1/api/1/hmackeys\x80", "/v1/api/1//hmackeys",
        NULL
    };
    const char  **t;

    (void) state;

    for (t = bad; *t; t++) {
        assert_int_equal(target(*t, NULL), EI_REJECT_URI_FORM);
    }
}


static void
canonical_target_of_another_path_is_404(void **state)
{
    static const char  *bad[] = {
        "/v1/api/2/other", "/v1/api/1/hmackeys/", "/v1/api/1/HMACKEYS",
        "/v1/API/1/hmackeys", "/v1/api/1/hmackeys/x", "/v1/api/hmackeys",
        "/hmackeys", "/", "/v1/apix/1/hmackeys", "/v1/xapi/1/hmackeys",
        "/v1/api/1/2/hmackeys",
        /* a prefix naming the API again: which project would be meant? */
        "/v1/api/1/hmackeys/api/2/hmackeys", "/v1/api/1/api/2/hmackeys",
        "/api/api/2/hmackeys", "/hmackeys/api/2/hmackeys",
        "/v1/API/1/api/2/hmackeys", "/gw/HmacKeys/api/2/hmackeys",
        NULL
    };
    const char  **t;

    (void) state;

    for (t = bad; *t; t++) {
        assert_int_equal(target(*t, NULL), EI_REJECT_URI_PATH);
    }
}


static void
project_id_out_of_range_or_not_decimal_is_400(void **state)
{
    static const char  *bad[] = {
        "/v1/api/0/hmackeys", "/v1/api/01/hmackeys", "/v1/api/-1/hmackeys",
        "/v1/api/+1/hmackeys", "/v1/api/9007199254740992/hmackeys",
        "/v1/api/99999999999999999999/hmackeys", "/v1/api/1a/hmackeys",
        "/v1/api/abc/hmackeys", "/v1/api/1.0/hmackeys", "/v1/api/1e3/hmackeys",
        NULL
    };
    const char  **t;

    (void) state;

    for (t = bad; *t; t++) {
        assert_int_equal(target(*t, NULL), EI_REJECT_PROJECT_ID);
    }
}


static int
parse_id(const char *s, uint64_t *id)
{
    return ei_project_id_parse((const unsigned char *) s, strlen(s), id);
}


/* one parser for the target and for ei_hmac_projects */

static void
project_id_is_decimal_without_sign_or_leading_zero_up_to_2_53(void **state)
{
    static const char  *bad[] = {
        "", "0", "00", "01", "-1", "+1", " 1", "1 ", "1a", "a", "1.0", "1e3",
        "0x1f", "9007199254740992", "9999999999999999",
        "10000000000000000", "99999999999999999999", "18446744073709551617",
        NULL
    };
    const char  **t;
    uint64_t      id;

    (void) state;

    id = 0;
    assert_int_equal(parse_id("1", &id), 0);
    assert_true(id == 1);
    assert_int_equal(parse_id("42", &id), 0);
    assert_true(id == 42);
    assert_int_equal(parse_id("9007199254740991", &id), 0);
    assert_true(id == 9007199254740991ULL);

    for (t = bad; *t; t++) {
        id = 7;
        assert_int_equal(parse_id(*t, &id), -1);
        assert_true(id == 7);
    }

    /* a length that stops before a bad byte */
    assert_int_equal(ei_project_id_parse((const unsigned char *) "12x", 2,
                                         &id), 0);
    assert_true(id == 12);
}


static void
projects_list_empty_means_any(void **state)
{
    uint64_t  ids[] = { 7, 42 };

    (void) state;

    assert_true(ei_project_allowed(3, NULL, 0));
    assert_true(ei_project_allowed(42, ids, 2));
    assert_false(ei_project_allowed(3, ids, 2));
}


static int
media(const char *v)
{
    return ei_media_type_ok((const unsigned char *) v, strlen(v));
}


static void
media_type_json_with_optional_utf8_charset(void **state)
{
    (void) state;

    assert_true(media("application/json"));
    assert_true(media("Application/JSON"));
    assert_true(media("application/json; charset=utf-8"));
    assert_true(media("application/json;charset=UTF-8"));
    assert_true(media("application/json ; Charset=\"utf-8\""));

    assert_false(media(""));
    assert_false(media("text/plain"));
    assert_false(media("application/json-patch+json"));
    assert_false(media("application/jsonx"));
    assert_false(media("application/x-www-form-urlencoded"));
    assert_false(media("application/json; charset=latin1"));
    assert_false(media("application/json; charset=utf-8; x=y"));
    assert_false(media("application/json; boundary=x"));
    assert_false(media("application/json;"));
    assert_false(media("application/json; charset="));
    assert_false(media("application/json; charset=\"utf-8"));
    assert_false(media("multipart/form-data"));
}


static void
api_key_file_is_one_line_of_visible_ascii(void **state)
{
    size_t  len = 0;

    (void) state;

    assert_null(ei_apikey_file_check((const unsigned char *) "ei_abc\n", 7,
                                     &len));
    assert_int_equal(len, 6);
    assert_null(ei_apikey_file_check((const unsigned char *) "ei_abc", 6,
                                     &len));
    assert_string_equal(ei_apikey_file_check((const unsigned char *) "", 0,
                                             &len), "is empty");
    assert_string_equal(ei_apikey_file_check((const unsigned char *) "\n", 1,
                                             &len), "is empty");
    assert_string_equal(ei_apikey_file_check((const unsigned char *) "a\r\n",
                                             3, &len),
                        "holds a carriage return");
    assert_string_equal(ei_apikey_file_check((const unsigned char *) "a\nb\n",
                                             4, &len),
                        "holds more than one line");
    assert_string_equal(ei_apikey_file_check((const unsigned char *) "a\n\n",
                                             3, &len),
                        "holds more than one line");
    assert_non_null(ei_apikey_file_check((const unsigned char *) "a b", 3,
                                         &len));
    assert_non_null(ei_apikey_file_check((const unsigned char *) "a\tb", 3,
                                         &len));
    assert_non_null(ei_apikey_file_check((const unsigned char *) "\xc3\xa9",
                                         2, &len));

    assert_true(ei_apikey_value_ok((const unsigned char *) "k", 1));
    assert_false(ei_apikey_value_ok((const unsigned char *) "", 0));
    assert_false(ei_apikey_value_ok((const unsigned char *) "a b", 3));
}


static void
error_body_is_escaped_json(void **state)
{
    char    out[EI_ERROR_BODY_MAX];
    size_t  n;

    (void) state;

    n = ei_error_body("a \"b\" \\ \n", 9, out, sizeof(out));
    out[n] = '\0';
    assert_string_equal(out,
        "{\"success\":false,\"error\":\"a \\\"b\\\" \\\\ \\u000a\"}");

    assert_int_equal(ei_error_body("abc", 3, out, 10), 0);
}


static void
every_reason_has_status_outcome_and_text(void **state)
{
    int                      r;
    ei_verdict_t             v;
    const ei_reason_info_t  *info;

    (void) state;

    for (r = EI_REJECT_METHOD; r < EI_REASON_MAX; r++) {
        info = ei_reason_info((ei_reason_t) r);
        assert_true(info->status >= 400 && info->status < 600);
        assert_true(strlen(info->outcome) > 0 || r == EI_ERROR_INTERNAL);
        assert_int_equal(ei_verdict_set(&v, (ei_reason_t) r), r);
        assert_true(v.len > 0 && v.len == strlen(v.msg));
    }

    assert_string_equal(ei_reason_info(EI_OK)->outcome, "forwarded");

    ei_verdict_set(&v, EI_REJECT_SCHEMA);
    v.len = 0;
    v.msg[0] = '\0';
    ei_verdict_append(&v, "%s is required", "name");
    ei_verdict_append(&v, "%s must be a boolean", "isDevelopmentKey");
    assert_string_equal(v.msg,
                        "name is required; isDevelopmentKey must be a boolean");
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(canonical_target_gives_project_id),
        cmocka_unit_test(non_canonical_target_is_400),
        cmocka_unit_test(canonical_target_of_another_path_is_404),
        cmocka_unit_test(project_id_out_of_range_or_not_decimal_is_400),
        cmocka_unit_test(
            project_id_is_decimal_without_sign_or_leading_zero_up_to_2_53),
        cmocka_unit_test(projects_list_empty_means_any),
        cmocka_unit_test(media_type_json_with_optional_utf8_charset),
        cmocka_unit_test(api_key_file_is_one_line_of_visible_ascii),
        cmocka_unit_test(error_body_is_escaped_json),
        cmocka_unit_test(every_reason_has_status_outcome_and_text),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
