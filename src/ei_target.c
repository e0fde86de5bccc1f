/*
 * The request target (README "What a request goes through", step 3), the
 * projectId (step 4) and the media type (step 5).
 */

#include <stdint.h>
#include <string.h>

#include "ei_target.h"


/*
 * Bytes allowed in a segment of a canonical target: RFC 3986 unreserved and
 * sub-delims, ':' and '@', but neither ';' (a parameter that some servers
 * strip and others keep) nor '%' (any encoding is refused outright, so that
 * what is validated is what the upstream sees).
 */
static const unsigned char  ei_segment_chars[256] = {
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
    ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
    ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
    ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
    ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
    ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
    ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['-'] = 1, ['.'] = 1, ['_'] = 1, ['~'] = 1, ['!'] = 1, ['$'] = 1,
    ['&'] = 1, ['\''] = 1, ['('] = 1, [')'] = 1, ['*'] = 1, ['+'] = 1,
    [','] = 1, ['='] = 1, [':'] = 1, ['@'] = 1,
};


static const char  ei_suffix[] = "/hmackeys";
static const char  ei_api[] = "/api/";
static const char  ei_json_type[] = "application/json";


static int ei_prefix_names_the_api(const unsigned char *p, size_t len);
static int ei_segment_is(const unsigned char *p, size_t n, const char *word);


/* 1 when a segment of p[0..len) is "api" or "hmackeys", in any case */

static int
ei_prefix_names_the_api(const unsigned char *p, size_t len)
{
    size_t  i, seg;

    seg = 1;

    for (i = 1; i <= len; i++) {
        if (i < len && p[i] != '/') {
            continue;
        }

        if (ei_segment_is(p + seg, i - seg, "api")
            || ei_segment_is(p + seg, i - seg, "hmackeys"))
        {
            return 1;
        }

        seg = i + 1;
    }

    return 0;
}


static int
ei_segment_is(const unsigned char *p, size_t n, const char *word)
{
    size_t  i;

    for (i = 0; i < n; i++) {
        if (word[i] == '\0' || (p[i] | 0x20) != (unsigned char) word[i]) {
            return 0;
        }
    }

    return word[n] == '\0';
}


ei_reason_t
ei_target_check(const unsigned char *target, size_t len, uint64_t *project_id,
    ei_verdict_t *v)
{
    size_t          i, seg, seg_len, end, id_start;
    uint64_t        id;
    unsigned char   c;

    if (len == 0 || target[0] != '/') {
        return ei_verdict_set(v, EI_REJECT_URI_FORM);
    }

    /* every segment: non-empty, not "." or "..", allowed bytes only */

    seg = 1;

    for (i = 1; i <= len; i++) {
        if (i < len && target[i] != '/') {
            c = target[i];

            if (!ei_segment_chars[c]) {
                return ei_verdict_set(v, EI_REJECT_URI_FORM);
            }

            continue;
        }

        seg_len = i - seg;

        /* the last segment may be empty: a trailing slash, answered 404 */

        if ((seg_len == 0 && i < len)
            || (seg_len == 1 && target[seg] == '.')
            || (seg_len == 2 && target[seg] == '.' && target[seg + 1] == '.'))
        {
            return ei_verdict_set(v, EI_REJECT_URI_FORM);
        }

        seg = i + 1;
    }

    /* canonical: it must end in /api/<projectId>/hmackeys */

    if (len < sizeof(ei_api) - 1 + 1 + sizeof(ei_suffix) - 1
        || memcmp(target + len - (sizeof(ei_suffix) - 1), ei_suffix,
                  sizeof(ei_suffix) - 1) != 0)
    {
        return ei_verdict_set(v, EI_REJECT_URI_PATH);
    }

    end = len - (sizeof(ei_suffix) - 1);

    id_start = end;
    while (id_start > 0 && target[id_start - 1] != '/') {
        id_start--;
    }

    if (id_start < sizeof(ei_api) - 1
        || memcmp(target + id_start - (sizeof(ei_api) - 1), ei_api,
                  sizeof(ei_api) - 1) != 0)
    {
        return ei_verdict_set(v, EI_REJECT_URI_PATH);
    }

    /*
     * the operator's prefix names neither part again: an upstream that
     * reads the first "/api/<id>/" would see another project than ours
     */

    if (ei_prefix_names_the_api(target, id_start - (sizeof(ei_api) - 1))) {
        return ei_verdict_set(v, EI_REJECT_URI_PATH);
    }

    if (ei_project_id_parse(target + id_start, end - id_start, &id) != 0) {
        return ei_verdict_set(v, EI_REJECT_PROJECT_ID);
    }

    *project_id = id;

    return EI_OK;
}


int
ei_project_id_parse(const unsigned char *p, size_t len, uint64_t *id)
{
    size_t    i;
    uint64_t  n;

    /* 16 digits hold every id up to 2^53 - 1 without overflow */

    if (len == 0 || len > 16 || p[0] == '0') {
        return -1;
    }

    n = 0;

    for (i = 0; i < len; i++) {
        if (p[i] < '0' || p[i] > '9') {
            return -1;
        }

        n = n * 10 + (uint64_t) (p[i] - '0');
    }

    if (n > EI_PROJECT_ID_MAX) {
        return -1;
    }

    *id = n;

    return 0;
}


int
ei_project_allowed(uint64_t id, const uint64_t *ids, size_t n)
{
    size_t  i;

    if (n == 0) {
        return 1;
    }

    for (i = 0; i < n; i++) {
        if (ids[i] == id) {
            return 1;
        }
    }

    return 0;
}


static int
ei_lower_eq(const unsigned char *p, size_t len, const char *lit)
{
    size_t         i;
    unsigned char  c;

    if (strlen(lit) != len) {
        return 0;
    }

    for (i = 0; i < len; i++) {
        c = p[i];

        if (c >= 'A' && c <= 'Z') {
            c |= 0x20;
        }

        if (c != (unsigned char) lit[i]) {
            return 0;
        }
    }

    return 1;
}


static size_t
ei_skip_ows(const unsigned char *p, size_t i, size_t len)
{
    while (i < len && (p[i] == ' ' || p[i] == '\t')) {
        i++;
    }

    return i;
}


int
ei_media_type_ok(const unsigned char *value, size_t len)
{
    size_t  i, start, end;

    /* what nearly every client sends, at once */

    if (len == sizeof(ei_json_type) - 1
        && memcmp(value, ei_json_type, sizeof(ei_json_type) - 1) == 0)
    {
        return 1;
    }

    i = ei_skip_ows(value, 0, len);
    start = i;

    while (i < len && value[i] != ';' && value[i] != ' '
           && value[i] != '\t')
    {
        i++;
    }

    if (!ei_lower_eq(value + start, i - start, ei_json_type)) {
        return 0;
    }

    i = ei_skip_ows(value, i, len);

    if (i == len) {
        return 1;
    }

    if (value[i] != ';') {
        return 0;
    }

    /* the one parameter allowed: charset=utf-8, any case, quoted or not */

    i = ei_skip_ows(value, i + 1, len);
    start = i;

    while (i < len && value[i] != '=') {
        i++;
    }

    if (i == len || !ei_lower_eq(value + start, i - start, "charset")) {
        return 0;
    }

    start = ++i;
    end = len;

    while (end > start && (value[end - 1] == ' ' || value[end - 1] == '\t')) {
        end--;
    }

    if (end - start >= 2 && value[start] == '"' && value[end - 1] == '"') {
        start++;
        end--;
    }

    return ei_lower_eq(value + start, end - start, "utf-8");
}
