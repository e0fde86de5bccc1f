/*
 * Unit tests of src/ei_response.c: which upstream errors pass as they are,
 * and the short reason sent for the others (README "Responses").
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "ei_response.h"


static int
check(const char *body)
{
    return ei_api_response_check((const unsigned char *) body, strlen(body));
}


static void
generic_api_response_is_an_object_with_a_boolean_success(void **state)
{
    (void) state;

    assert_true(check("{\"success\":false,\"error\":\"no such project\"}"));
    assert_true(check("{\"success\":true}"));
    assert_false(check(""));
    assert_false(check("<html>error</html>"));
    assert_false(check("{\"success\":\"false\"}"));
    assert_false(check("{\"error\":\"x\"}"));
    assert_false(check("[{\"success\":false}]"));
    assert_false(check("{\"success\":false,\"success\":true}"));
}


static void
every_error_status_has_a_short_reason(void **state)
{
    size_t  len;

    (void) state;

    assert_string_equal(ei_status_text(400, &len), "bad request");
    assert_int_equal(len, strlen("bad request"));
    assert_string_equal(ei_status_text(405, &len),
                        "method not allowed: use POST");
    assert_string_equal(ei_status_text(413, &len),
                        "request body is too large");
    assert_string_equal(ei_status_text(502, &len), "upstream is unavailable");
    assert_string_equal(ei_status_text(504, &len), "upstream timed out");

    /* a status without a text of its own gets its class's */
    assert_string_equal(ei_status_text(418, &len), "bad request");
    assert_string_equal(ei_status_text(599, &len), "internal server error");
    assert_int_equal(len, strlen("internal server error"));
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(
            generic_api_response_is_an_object_with_a_boolean_success),
        cmocka_unit_test(every_error_status_has_a_short_reason),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
