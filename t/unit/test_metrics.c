/*
 * Unit tests of src/ei_metrics.c: the layout of the counters, lock-free
 * counting and the Prometheus text (README, "Metrics").
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <regex.h>

#include <cmocka.h>

#include "ei_metrics.h"
#include "ei_reason.h"


#define ZONE_SIZE  (64 * 1024)
#define TEXT_MAX   (256 * 1024)


static uint64_t  zone[ZONE_SIZE / sizeof(uint64_t)];
static char      text[TEXT_MAX];


static ei_metrics_t *
new_zone(size_t size)
{
    ei_metrics_t  *m;

    m = ei_metrics_create(zone, size);
    assert_non_null(m);

    return m;
}


static const char *
render(ei_metrics_t *m, const ei_metrics_key_t *keys, size_t nkeys)
{
    size_t              n;
    ei_metrics_info_t   info;
    ei_metrics_cell_t   scratch[1024];

    memset(&info, 0, sizeof(info));
    info.keys = keys;
    info.nkeys = nkeys;
    info.loaded_sec = 1700000000;
    info.loaded_msec = 7;
    info.version = "1.2.3";
    info.nginx = "1.22.1";

    n = ei_metrics_render(m, &info, scratch, 1024, text, sizeof(text) - 1);
    assert_true(n < sizeof(text));
    text[n] = '\0';

    return text;
}


/* the text holds this line, whole */
static void
assert_line(const char *t, const char *line)
{
    const char  *p;
    size_t       len;

    len = strlen(line);

    for (p = strstr(t, line); p; p = strstr(p + 1, line)) {
        if ((p == t || p[-1] == '\n') && p[len] == '\n') {
            return;
        }
    }

    fail_msg("no line \"%s\" in:\n%s", line, t);
}


static void
assert_no_line_starting(const char *t, const char *start)
{
    const char  *p;

    for (p = strstr(t, start); p; p = strstr(p + 1, start)) {
        if (p == t || p[-1] == '\n') {
            fail_msg("a line starts with \"%s\" in:\n%s", start, t);
        }
    }
}


static void
count(ei_metrics_t *m, unsigned slot, ei_reason_t reason, unsigned status,
    ei_source_t source, uint64_t ms, int key_rejected)
{
    ei_metrics_event_t  ev;

    ev.slot = slot;
    ev.outcome = ei_metrics_outcome(reason);
    ev.status = status;
    ev.source = source;
    ev.upstream_ms = ms;
    ev.key_rejected = key_rejected;

    assert_int_equal(ei_metrics_count(m, &ev), 0);
}


static void
outcome_words_are_those_of_ei_hmac_outcome(void **state)
{
    unsigned  r;

    (void) state;

    for (r = EI_OK; r < EI_REASON_MAX; r++) {
        if (r == EI_ERROR_INTERNAL) {
            continue;
        }

        assert_string_equal(ei_metrics_outcome_word(
                                ei_metrics_outcome((ei_reason_t) r)),
                            ei_reason_info((ei_reason_t) r)->outcome);
    }

    /* $ei_hmac_outcome is empty for both; the label is not */

    assert_string_equal(ei_metrics_outcome_word(
                            ei_metrics_outcome(EI_ERROR_INTERNAL)),
                        "error_internal");
    assert_string_equal(ei_metrics_outcome_word(
                            ei_metrics_outcome(EI_REASON_MAX)), "none");

    /* one outcome for the 400 and the 404 of the target */

    assert_int_equal(ei_metrics_outcome(EI_REJECT_URI_FORM),
                     ei_metrics_outcome(EI_REJECT_URI_PATH));
}


static void
zone_has_none_any_other_and_gives_a_project_one_slot(void **state)
{
    int            a, b, slot;
    unsigned       n;
    ei_metrics_t  *m;

    (void) state;

    assert_null(ei_metrics_create(zone, ei_metrics_min_size() - 1));

    m = new_zone(ZONE_SIZE);
    assert_true(ei_metrics_valid(m));
    m->head.magic ^= 1;
    assert_false(ei_metrics_valid(m));
    m->head.magic ^= 1;
    m->head.size /= 2;
    assert_false(ei_metrics_valid(m));
    m->head.size *= 2;

    assert_int_equal(ei_metrics_slot(m, EI_METRICS_ID_NONE),
                     EI_METRICS_SLOT_NONE);
    assert_int_equal(ei_metrics_slot(m, EI_METRICS_ID_ANY),
                     EI_METRICS_SLOT_ANY);
    assert_int_equal(ei_metrics_slot(m, EI_METRICS_ID_OTHER),
                     EI_METRICS_SLOT_OTHER);

    a = ei_metrics_slot(m, 42);
    b = ei_metrics_slot(m, 9007199254740991ULL);
    assert_int_equal(a, 3);
    assert_int_equal(b, 4);
    assert_int_equal(ei_metrics_slot(m, 42), a);

    /* a full table says so, and keeps what it has */

    for (n = 0; (slot = ei_metrics_slot(m, 1000 + n)) >= 0; n++) {
        assert_int_equal(slot, 5 + n);
    }

    assert_true(n > 10);
    assert_int_equal(ei_metrics_slot(m, 42), a);
    assert_int_equal(ei_metrics_slot(m, 1000), 5);
}


static void
every_counter_has_its_exact_line(void **state)
{
    const char        *t;
    ei_metrics_t      *m;
    ei_metrics_key_t   keys[2] = {
        { EI_METRICS_ID_ANY, "file", "sha256:0123456789abcdef" },
        { 7, "dir", "sha256:fedcba9876543210" },
    };

    (void) state;

    m = new_zone(ZONE_SIZE);
    assert_int_equal(ei_metrics_slot(m, 7), 3);

    count(m, 3, EI_OK, 200, EI_SOURCE_UPSTREAM, 3, 0);
    count(m, 3, EI_OK, 200, EI_SOURCE_UPSTREAM, 4, 0);
    count(m, 3, EI_OK, 502, EI_SOURCE_UPSTREAM, 12, 1);
    count(m, 3, EI_OK, 502, EI_SOURCE_NGINX, 1, 0);
    count(m, EI_METRICS_SLOT_NONE, EI_REJECT_METHOD, 405, EI_SOURCE_GATEWAY,
          0, 0);
    count(m, EI_METRICS_SLOT_NONE, EI_REASON_MAX, 413, EI_SOURCE_NGINX, 0, 0);
    count(m, EI_METRICS_SLOT_ANY, EI_REJECT_PROJECT, 403, EI_SOURCE_GATEWAY,
          0, 0);
    count(m, 3, EI_ERROR_INTERNAL, 500, EI_SOURCE_GATEWAY, 0, 0);

    t = render(m, keys, 2);

    assert_line(t, "# TYPE ei_hmac_requests_total counter");
    assert_line(t, "ei_hmac_requests_total{project=\"7\",outcome=\"forwarded\"}"
                   " 4");
    assert_line(t, "ei_hmac_requests_total{project=\"7\","
                   "outcome=\"error_internal\"} 1");
    assert_line(t, "ei_hmac_requests_total{project=\"none\","
                   "outcome=\"rejected_method\"} 1");
    assert_line(t, "ei_hmac_requests_total{project=\"none\",outcome=\"none\"}"
                   " 1");
    assert_line(t, "ei_hmac_requests_total{project=\"any\","
                   "outcome=\"rejected_project\"} 1");

    assert_line(t, "# TYPE ei_hmac_responses_total counter");
    assert_line(t, "ei_hmac_responses_total{project=\"7\",status=\"200\","
                   "source=\"upstream\"} 2");
    assert_line(t, "ei_hmac_responses_total{project=\"7\",status=\"502\","
                   "source=\"upstream\"} 1");
    assert_line(t, "ei_hmac_responses_total{project=\"7\",status=\"502\","
                   "source=\"nginx\"} 1");
    assert_line(t, "ei_hmac_responses_total{project=\"7\",status=\"500\","
                   "source=\"gateway\"} 1");
    assert_line(t, "ei_hmac_responses_total{project=\"none\",status=\"405\","
                   "source=\"gateway\"} 1");

    assert_line(t, "# TYPE ei_hmac_upstream_api_key_rejected_total counter");
    assert_line(t, "ei_hmac_upstream_api_key_rejected_total{project=\"7\"} 1");
    assert_line(t, "ei_hmac_upstream_api_key_rejected_total{project=\"any\"}"
                   " 0");
    assert_no_line_starting(t, "ei_hmac_upstream_api_key_rejected_total"
                               "{project=\"none\"}");
    assert_no_line_starting(t, "ei_hmac_upstream_api_key_rejected_total"
                               "{project=\"other\"}");

    assert_line(t, "# TYPE ei_hmac_api_key_info gauge");
    assert_line(t, "ei_hmac_api_key_info{project=\"any\",source=\"file\","
                   "fingerprint=\"sha256:0123456789abcdef\"} 1");
    assert_line(t, "ei_hmac_api_key_info{project=\"7\",source=\"dir\","
                   "fingerprint=\"sha256:fedcba9876543210\"} 1");

    assert_line(t, "# TYPE ei_hmac_config_loaded_timestamp_seconds gauge");
    assert_line(t, "ei_hmac_config_loaded_timestamp_seconds 1700000000.007");

    assert_line(t, "# TYPE ei_hmac_build_info gauge");
    assert_non_null(strstr(t, "ei_hmac_build_info{version=\"1.2.3\","
                              "nginx=\"1.22.1\",jansson=\""));
}


static void
histogram_is_cumulative_and_inf_is_the_count(void **state)
{
    unsigned       i;
    const char    *t;
    ei_metrics_t  *m;
    uint64_t       ms[] = { 0, 5, 6, 10, 11, 999, 1000, 1001, 10000, 10001 };

    (void) state;

    m = new_zone(ZONE_SIZE);

    for (i = 0; i < sizeof(ms) / sizeof(ms[0]); i++) {
        count(m, EI_METRICS_SLOT_ANY, EI_OK, 200, EI_SOURCE_UPSTREAM, ms[i],
              0);
    }

    /* a refusal is not observed */
    count(m, EI_METRICS_SLOT_ANY, EI_REJECT_JSON, 400, EI_SOURCE_GATEWAY, 0,
          0);

    t = render(m, NULL, 0);

    assert_line(t, "# TYPE ei_hmac_upstream_response_seconds histogram");
    assert_line(t, "ei_hmac_upstream_response_seconds_bucket{project=\"any\","
                   "le=\"0.005\"} 2");
    assert_line(t, "ei_hmac_upstream_response_seconds_bucket{project=\"any\","
                   "le=\"0.01\"} 4");
    assert_line(t, "ei_hmac_upstream_response_seconds_bucket{project=\"any\","
                   "le=\"0.025\"} 5");
    assert_line(t, "ei_hmac_upstream_response_seconds_bucket{project=\"any\","
                   "le=\"0.5\"} 5");
    assert_line(t, "ei_hmac_upstream_response_seconds_bucket{project=\"any\","
                   "le=\"1\"} 7");
    assert_line(t, "ei_hmac_upstream_response_seconds_bucket{project=\"any\","
                   "le=\"2.5\"} 8");
    assert_line(t, "ei_hmac_upstream_response_seconds_bucket{project=\"any\","
                   "le=\"10\"} 9");
    assert_line(t, "ei_hmac_upstream_response_seconds_bucket{project=\"any\","
                   "le=\"+Inf\"} 10");
    assert_line(t, "ei_hmac_upstream_response_seconds_count{project=\"any\"}"
                   " 10");
    assert_line(t, "ei_hmac_upstream_response_seconds_sum{project=\"any\"}"
                   " 23.033");

    /* projects without a forwarded request have no histogram */
    assert_no_line_starting(t, "ei_hmac_upstream_response_seconds_bucket"
                               "{project=\"none\"");
}


static void
responses_are_sorted_by_project_status_and_source(void **state)
{
    const char    *t, *a, *b, *c, *d;
    ei_metrics_t  *m;

    (void) state;

    m = new_zone(ZONE_SIZE);
    assert_int_equal(ei_metrics_slot(m, 5), 3);

    count(m, 3, EI_OK, 504, EI_SOURCE_NGINX, 1, 0);
    count(m, 3, EI_OK, 200, EI_SOURCE_UPSTREAM, 1, 0);
    count(m, EI_METRICS_SLOT_NONE, EI_REJECT_METHOD, 405, EI_SOURCE_GATEWAY,
          0, 0);
    count(m, 3, EI_OK, 504, EI_SOURCE_UPSTREAM, 1, 0);

    t = render(m, NULL, 0);

    a = strstr(t, "{project=\"none\",status=\"405\"");
    b = strstr(t, "{project=\"5\",status=\"200\"");
    c = strstr(t, "{project=\"5\",status=\"504\",source=\"upstream\"");
    d = strstr(t, "{project=\"5\",status=\"504\",source=\"nginx\"");

    assert_true(a && b && c && d);
    assert_true(a < b && b < c && c < d);
}


static void
render_returns_the_length_it_needs_like_snprintf(void **state)
{
    size_t              n, m2;
    char               *out;
    ei_metrics_t       *m;
    ei_metrics_info_t   info;
    ei_metrics_cell_t   scratch[64];

    (void) state;

    m = new_zone(ZONE_SIZE);
    count(m, EI_METRICS_SLOT_ANY, EI_OK, 200, EI_SOURCE_UPSTREAM, 1, 0);

    memset(&info, 0, sizeof(info));
    info.version = "v";
    info.nginx = "n";

    n = ei_metrics_render(m, &info, scratch, 64, NULL, 0);
    assert_true(n > 1000);

    /* one byte short: nothing written past it */

    out = malloc(n + 16);
    assert_non_null(out);
    memset(out, 'X', n + 16);

    m2 = ei_metrics_render(m, &info, scratch, 64, out, n - 1);
    assert_int_equal(m2, n);
    assert_int_equal(out[n - 1], 'X');

    m2 = ei_metrics_render(m, &info, scratch, 64, out, n);
    assert_int_equal(m2, n);
    assert_int_equal(out[n - 1], '\n');
    assert_int_equal(out[n], 'X');

    free(out);
}


static void
label_values_are_escaped(void **state)
{
    ei_metrics_t       *m;
    ei_metrics_info_t   info;
    ei_metrics_cell_t   scratch[16];

    (void) state;

    m = new_zone(ZONE_SIZE);

    memset(&info, 0, sizeof(info));
    info.version = "a\"b\\c\nd";
    info.nginx = "1.22.1";

    text[ei_metrics_render(m, &info, scratch, 16, text, sizeof(text))] = '\0';

    assert_non_null(strstr(text, "version=\"a\\\"b\\\\c\\nd\""));
}


static void
full_cells_count_under_other_then_not_at_all(void **state)
{
    int                 over;
    unsigned            s, overflowed, dropped, counted;
    const char         *t;
    ei_metrics_t       *m;
    ei_metrics_event_t  ev;

    (void) state;

    /* the smallest zone: a few dozen cells */

    m = new_zone(ei_metrics_min_size());
    assert_int_equal(ei_metrics_slot(m, 1), 3);

    ev.slot = 3;
    ev.outcome = EI_OUTCOME_FORWARDED;
    ev.source = EI_SOURCE_UPSTREAM;
    ev.upstream_ms = 0;
    ev.key_rejected = 0;

    overflowed = 0;
    counted = 0;

    for (s = 100; s < 1000; s++) {
        ev.status = s;
        over = ei_metrics_count(m, &ev);
        overflowed += over;
        counted += !over;
    }

    assert_true(counted >= 16 && counted < 900);
    assert_true(overflowed > 0);

    t = render(m, NULL, 0);

    /* a series that has a cell keeps counting in it */

    ev.status = 100;
    assert_int_equal(ei_metrics_count(m, &ev), 0);

    assert_line(t, "ei_hmac_responses_total{project=\"1\",status=\"100\","
                   "source=\"upstream\"} 1");
    assert_line(t, "ei_hmac_requests_total{project=\"1\","
                   "outcome=\"forwarded\"} 900");
    assert_non_null(strstr(t, "ei_hmac_responses_total{project=\"other\""));

    /* the other part fills up too, and then nothing is counted */

    dropped = 0;

    for (s = 0; s < 1000; s++) {
        ev.status = s;
        ev.slot = EI_METRICS_SLOT_OTHER;
        (void) ei_metrics_count(m, &ev);
    }

    t = render(m, NULL, 0);

    for (s = 0; s < 1000; s++) {
        char  line[128];

        snprintf(line, sizeof(line), "{project=\"other\",status=\"%u\",", s);
        dropped += (strstr(t, line) == NULL);
    }

    assert_true(dropped > 0);
}


static void
warning_once_per_generation(void **state)
{
    uint64_t       g1, g2;
    ei_metrics_t  *m;

    (void) state;

    m = new_zone(ZONE_SIZE);

    g1 = ei_metrics_new_generation(m);
    assert_true(ei_metrics_warn_once(m, g1));
    assert_false(ei_metrics_warn_once(m, g1));

    g2 = ei_metrics_new_generation(m);
    assert_true(g2 != g1);
    assert_true(ei_metrics_warn_once(m, g2));
    assert_false(ei_metrics_warn_once(m, g2));
}


#define THREADS  4
#define ADDS     100000

static void *
add_many(void *arg)
{
    unsigned            i;
    ei_metrics_event_t  ev;

    ev.slot = EI_METRICS_SLOT_ANY;
    ev.outcome = EI_OUTCOME_FORWARDED;
    ev.source = EI_SOURCE_UPSTREAM;
    ev.upstream_ms = 1;
    ev.key_rejected = 1;

    for (i = 0; i < ADDS; i++) {
        /* new series claimed by several threads at once, too */
        ev.status = 200 + i % 50;
        (void) ei_metrics_count(arg, &ev);
    }

    return NULL;
}


static void
concurrent_adds_are_all_counted(void **state)
{
    unsigned       i;
    char           line[160];
    const char    *t;
    pthread_t      th[THREADS];
    ei_metrics_t  *m;

    (void) state;

    m = new_zone(ZONE_SIZE);

    for (i = 0; i < THREADS; i++) {
        assert_int_equal(pthread_create(&th[i], NULL, add_many, m), 0);
    }

    for (i = 0; i < THREADS; i++) {
        assert_int_equal(pthread_join(th[i], NULL), 0);
    }

    t = render(m, NULL, 0);

    snprintf(line, sizeof(line),
             "ei_hmac_requests_total{project=\"any\",outcome=\"forwarded\"} "
             "%u", THREADS * ADDS);
    assert_line(t, line);

    snprintf(line, sizeof(line),
             "ei_hmac_upstream_api_key_rejected_total{project=\"any\"} %u",
             THREADS * ADDS);
    assert_line(t, line);

    snprintf(line, sizeof(line),
             "ei_hmac_upstream_response_seconds_count{project=\"any\"} %u",
             THREADS * ADDS);
    assert_line(t, line);

    /* each status once, with its exact share */

    for (i = 0; i < 50; i++) {
        snprintf(line, sizeof(line),
                 "ei_hmac_responses_total{project=\"any\",status=\"%u\","
                 "source=\"upstream\"} %u", 200 + i, THREADS * ADDS / 50);
        assert_line(t, line);
    }
}


/* every line is a comment or NAME{LABELS} VALUE of the text format */
static void
every_line_is_of_the_text_format(void **state)
{
    char           *line, *save;
    regex_t         re;
    ei_metrics_t   *m;
    ei_metrics_key_t  key = { EI_METRICS_ID_ANY, "file", "sha256:00" };

    (void) state;

    m = new_zone(ZONE_SIZE);
    count(m, EI_METRICS_SLOT_ANY, EI_OK, 200, EI_SOURCE_UPSTREAM, 2,
          0);
    count(m, EI_METRICS_SLOT_NONE, EI_REJECT_METHOD, 405, EI_SOURCE_GATEWAY,
          0, 0);

    (void) render(m, &key, 1);

    assert_int_equal(regcomp(&re,
        "^(# (HELP|TYPE) ei_hmac_[a-z_]+ .+"
        "|ei_hmac_[a-z_]+(\\{[a-z_]+=\"[^\"]*\"(,[a-z_]+=\"[^\"]*\")*\\})? "
        "[0-9]+(\\.[0-9]+)?)$", REG_EXTENDED | REG_NOSUB), 0);

    for (line = strtok_r(text, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save))
    {
        if (regexec(&re, line, 0, NULL, 0) != 0) {
            fail_msg("not of the text format: \"%s\"", line);
        }
    }

    regfree(&re);
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(outcome_words_are_those_of_ei_hmac_outcome),
        cmocka_unit_test(zone_has_none_any_other_and_gives_a_project_one_slot),
        cmocka_unit_test(every_counter_has_its_exact_line),
        cmocka_unit_test(histogram_is_cumulative_and_inf_is_the_count),
        cmocka_unit_test(responses_are_sorted_by_project_status_and_source),
        cmocka_unit_test(render_returns_the_length_it_needs_like_snprintf),
        cmocka_unit_test(label_values_are_escaped),
        cmocka_unit_test(full_cells_count_under_other_then_not_at_all),
        cmocka_unit_test(warning_once_per_generation),
        cmocka_unit_test(concurrent_adds_are_all_counted),
        cmocka_unit_test(every_line_is_of_the_text_format),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
