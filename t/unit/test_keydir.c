/*
 * Unit tests of src/ei_keydir.c: which names of an ei_hmac_api_key_dir
 * folder hold a project's key, and the lookup by projectId.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ei_keydir.h"
#include "ei_target.h"


static ei_keydir_name_t
name(const char *s, uint64_t *id)
{
    *id = 777;

    return ei_keydir_name((const unsigned char *) s, strlen(s), id);
}


static void
keydir_name_is_a_canonical_project_id_and_key_suffix(void **state)
{
    uint64_t  id;

    (void) state;

    assert_int_equal(name("42.key", &id), EI_KEYDIR_KEY);
    assert_int_equal(id, 42);
    assert_int_equal(name("1.key", &id), EI_KEYDIR_KEY);
    assert_int_equal(id, 1);
    assert_int_equal(name("9007199254740991.key", &id), EI_KEYDIR_KEY);
    assert_int_equal(id, EI_PROJECT_ID_MAX);
}


static void
keydir_name_rejects_what_the_target_check_rejects(void **state)
{
    uint64_t     id;
    size_t       i;
    const char  *bad[] = {
        "042.key", "0.key", "+42.key", "-42.key", "9007199254740992.key",
        "99999999999999999.key", "4 2.key", "42a.key", "key",
        "42.KEY", "42.key.bak", "42.key~", "42", "42.keys", "42key", "",
        "4\0002.key"
    };

    (void) state;

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        assert_int_equal(name(bad[i], &id), EI_KEYDIR_OTHER);
        assert_int_equal(id, 777);
    }
}


static void
keydir_name_starting_with_a_dot_is_hidden(void **state)
{
    uint64_t  id;

    (void) state;

    assert_int_equal(name("..data", &id), EI_KEYDIR_HIDDEN);
    assert_int_equal(name(".42.key", &id), EI_KEYDIR_HIDDEN);
    assert_int_equal(name(".", &id), EI_KEYDIR_HIDDEN);
    assert_int_equal(name(".key", &id), EI_KEYDIR_HIDDEN);
    assert_int_equal(name("..", &id), EI_KEYDIR_HIDDEN);
    assert_int_equal(id, 777);
}


static void
keydir_sort_orders_by_id_and_find_returns_each_key(void **state)
{
    size_t                    i;
    ei_keydir_entry_t         e[5];
    const ei_keydir_entry_t  *f;
    const uint64_t            ids[5] = { 90, 3, EI_PROJECT_ID_MAX, 1, 42 };

    (void) state;

    for (i = 0; i < 5; i++) {
        e[i].id = ids[i];
        e[i].key = (const unsigned char *) "k";
        e[i].len = (size_t) ids[i] % 7;
    }

    assert_int_equal(ei_keydir_sort(e, 5), 0);

    for (i = 1; i < 5; i++) {
        assert_true(e[i - 1].id < e[i].id);
    }

    for (i = 0; i < 5; i++) {
        f = ei_keydir_find(e, 5, ids[i]);
        assert_non_null(f);
        assert_int_equal(f->id, ids[i]);
        assert_int_equal(f->len, (size_t) ids[i] % 7);
    }

    assert_null(ei_keydir_find(e, 5, 0));
    assert_null(ei_keydir_find(e, 5, 2));
    assert_null(ei_keydir_find(e, 5, 43));
    assert_null(ei_keydir_find(e, 5, EI_PROJECT_ID_MAX - 1));
    assert_null(ei_keydir_find(e, 0, 42));
    assert_null(ei_keydir_find(NULL, 0, 42));
}


static void
keydir_sort_reports_a_duplicate_id(void **state)
{
    ei_keydir_entry_t  e[3] = { { 5, NULL, 0 }, { 7, NULL, 0 },
                                { 5, NULL, 0 } };

    (void) state;

    assert_int_equal(ei_keydir_sort(e, 3), -1);
    assert_int_equal(ei_keydir_sort(e, 1), 0);
    assert_int_equal(ei_keydir_sort(NULL, 0), 0);
}


static void
keydir_find_among_ten_thousand_finds_every_id_and_nothing_else(void **state)
{
    size_t              i, n = 10000;
    ei_keydir_entry_t  *e;

    (void) state;

    e = calloc(n, sizeof(ei_keydir_entry_t));
    assert_non_null(e);

    /* odd ids in a scrambled order; even ones are absent */

    for (i = 0; i < n; i++) {
        e[i].id = (uint64_t) ((i * 7919) % n) * 2 + 1;
    }

    assert_int_equal(ei_keydir_sort(e, n), 0);

    for (i = 0; i < n; i++) {
        assert_non_null(ei_keydir_find(e, n, (uint64_t) i * 2 + 1));
        assert_int_equal(ei_keydir_find(e, n, (uint64_t) i * 2 + 1)->id,
                         (uint64_t) i * 2 + 1);
        assert_null(ei_keydir_find(e, n, (uint64_t) i * 2));
    }

    assert_null(ei_keydir_find(e, n, (uint64_t) n * 2 + 1));

    free(e);
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(keydir_name_is_a_canonical_project_id_and_key_suffix),
        cmocka_unit_test(keydir_name_rejects_what_the_target_check_rejects),
        cmocka_unit_test(keydir_name_starting_with_a_dot_is_hidden),
        cmocka_unit_test(keydir_sort_orders_by_id_and_find_returns_each_key),
        cmocka_unit_test(keydir_sort_reports_a_duplicate_id),
        cmocka_unit_test(
            keydir_find_among_ten_thousand_finds_every_id_and_nothing_else),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
