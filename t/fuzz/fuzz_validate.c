/*
 * libFuzzer target over everything the gateway checks before forwarding.
 *
 * Input: the request target, a '\n', the Content-Type value, a '\n', and
 * the body (the rest, newlines included).  Missing parts are empty.
 *
 * Invariants, each an abort():
 *   - verdicts are consistent: reason returned == v.reason, v.len ==
 *     strlen(v.msg) < EI_MSG_MAX, ei_error_body() gives JSON that reads back
 *     to the same text;
 *   - a target accepted has 1 <= projectId <= 2^53 - 1;
 *   - no error text holds an hmacKey of the body (any member whose name
 *     folds to "hmackey"), and the texts made by ei_body.c are only the
 *     documented ones, so they cannot quote anything but the names of
 *     unknown members: at most five, each a JSON string of at most 64
 *     bytes of a member name of the body, none holding a key or (from 8
 *     bytes) part of one;
 *   - positions are within the body, and no body gets past more than
 *     EI_BODY_MAX_VALUES values;
 *   - on success the canonical body is in out, no longer than the body, a
 *     strict JSON object of exactly the three members in schema order, and
 *     checking it again (unknown fields rejected) gives the same canonical
 *     body, name, fingerprint, development flag and bits;
 *   - on a rejection out holds no canonical body;
 *   - the denylist parser, fed the body as a file, answers 0 or -1 with a
 *     line number within the text.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ei_body.h"
#include "ei_crypto.h"
#include "ei_denylist.h"
#include "ei_reason.h"
#include "ei_target.h"


#define FUZZ_NPOLICIES  2
#define FUZZ_MAX_KEYS   8

/*
 * Shorter keys are not looked for in the texts: "truncates" or "required"
 * are keys too, and the strength texts hold such words; no text has a run of
 * 12 bytes without a space that a key could equal.
 */
#define FUZZ_MIN_LEAK   12

#define fuzz_assert(expr)                                                    \
    do {                                                                     \
        if (!(expr)) {                                                       \
            fprintf(stderr, "invariant failed: %s at %s:%d\n", #expr,        \
                    __FILE__, __LINE__);                                     \
            abort();                                                         \
        }                                                                    \
    } while (0)


typedef struct {
    const unsigned char  *p;
    size_t                len;
} fuzz_str_t;


/* keys on the test denylist: strong, so that the denylist is reached */
static const char  *fuzz_denied[] = {
    "a8c41e97d2b05f36e1d7c9a24b60f83e",
    "Zq7-Kp2_xW9mR4vT6nB8cY3hJ5sL1dF0",
};

static const char  *fuzz_json_reasons[] = {
    "the body could not be parsed",
    "too many values",
    "nesting too deep",
    "invalid UTF-8",
    "unexpected end of input",
    "unexpected data after the JSON value",
    "syntax error",
    "NUL character in a string",
    "NUL character in a member name",
    "duplicate member name",
    "number out of range",
    "invalid \\u escape or lone surrogate",
    "invalid escape sequence",
    "control character in a string",
    "invalid token",
};

static const char  *fuzz_schema_texts[] = {
    "name is spelled with the wrong letter case",
    "hmacKey is spelled with the wrong letter case",
    "isDevelopmentKey is spelled with the wrong letter case",
    "name is required",
    "hmacKey is required",
    "isDevelopmentKey is required",
    "name must be a string",
    "hmacKey must be a string",
    "isDevelopmentKey must be a boolean",
    "name must not be empty",
    "name must not be only white space",
    "name must not contain control characters",
    "name must not contain bidirectional controls",
};


static ei_denylist_t     fuzz_denylist;
static ei_body_policy_t  fuzz_policies[FUZZ_NPOLICIES];


static void
fuzz_init(void)
{
    size_t         i, j, err_line;
    char           text[256], *p;
    unsigned char  d[EI_SHA256_LEN];

    ei_body_init();
    fuzz_assert(ei_crypto_init() == 0);

    p = text;
    p += sprintf(p, "# fuzz denylist\n");

    for (i = 0; i < sizeof(fuzz_denied) / sizeof(fuzz_denied[0]); i++) {
        fuzz_assert(ei_sha256((const unsigned char *) fuzz_denied[i],
                              strlen(fuzz_denied[i]), d) == 0);
        for (j = 0; j < EI_SHA256_LEN; j++) {
            p += sprintf(p, "%02x", d[j]);
        }
        *p++ = '\n';
    }

    fuzz_assert(ei_denylist_parse((const unsigned char *) text,
                                  (size_t) (p - text), &fuzz_denylist,
                                  &err_line) == 0);
    fuzz_assert(fuzz_denylist.n == 2);

    /* the defaults, unknown fields dropped */
    fuzz_policies[0].name_max_length = 255;
    fuzz_policies[0].strength.max_length = 32;
    fuzz_policies[0].strength.min_bits = 128;
    fuzz_policies[0].denylist = &fuzz_denylist;
    fuzz_policies[0].reject_unknown = 0;
    fuzz_policies[0].allow_dev_keys = 1;

    /* strict on fields and development keys, lenient on keys */
    fuzz_policies[1].name_max_length = 16;
    fuzz_policies[1].strength.max_length = 64;
    fuzz_policies[1].strength.min_bits = 96;
    fuzz_policies[1].denylist = &fuzz_denylist;
    fuzz_policies[1].reject_unknown = 1;
    fuzz_policies[1].allow_dev_keys = 0;
}


/* a plain loop: libFuzzer's memmem hook would steer keys into the texts */
static int
fuzz_contains(const char *hay, size_t hay_len, const unsigned char *needle,
    size_t len)
{
    size_t  i, j;

    if (len == 0 || len > hay_len) {
        return 0;
    }

    for (i = 0; i + len <= hay_len; i++) {
        for (j = 0; j < len; j++) {
            if ((unsigned char) hay[i + j] != needle[j]) {
                break;
            }
        }

        if (j == len) {
            return 1;
        }
    }

    return 0;
}


/*
 * "hmacKey" in any ASCII letter case, the 'k' also as the KELVIN SIGN
 * (what the module takes for a case variant of hmacKey): the members
 * whose values the module treats as the key.
 */
static int
fuzz_is_key_name(const char *key, size_t len)
{
    static const char  lower[] = "hmackey";
    size_t             i, j;
    unsigned char      c;

    for (i = 0, j = 0; i < len && lower[j]; j++) {
        c = (unsigned char) key[i];

        if (lower[j] == 'k' && len - i >= 3
            && memcmp(key + i, "\xe2\x84\xaa", 3) == 0)
        {
            i += 3;
            continue;
        }

        if (c >= 'A' && c <= 'Z') {
            c = (unsigned char) (c - 'A' + 'a');
        }

        if (c != (unsigned char) lower[j]) {
            return 0;
        }

        i++;
    }

    return i == len && lower[j] == '\0';
}


/*
 * Every string value of a top-level member that looks like the key, from a
 * lenient parse, so that keys in bodies the strict parse refuses count too.
 */
static size_t
fuzz_keys(const unsigned char *body, size_t len, json_t **root,
    fuzz_str_t keys[FUZZ_MAX_KEYS])
{
    void        *it;
    size_t       n;
    json_t      *value;
    json_error_t err;

    n = 0;
    *root = json_loadb((const char *) body, len,
                       JSON_DECODE_ANY | JSON_ALLOW_NUL
                       | JSON_DISABLE_EOF_CHECK, &err);

    if (*root == NULL || !json_is_object(*root)) {
        return 0;
    }

    for (it = json_object_iter(*root); it && n < FUZZ_MAX_KEYS;
         it = json_object_iter_next(*root, it))
    {
        value = json_object_iter_value(it);

        if (json_is_string(value)
            && fuzz_is_key_name(json_object_iter_key(it),
                                json_object_iter_key_len(it)))
        {
            keys[n].p = (const unsigned char *) json_string_value(value);
            keys[n].len = json_string_length(value);
            n++;
        }
    }

    return n;
}


static void
fuzz_verdict(ei_reason_t rc, const ei_verdict_t *v)
{
    size_t        n;
    char          body[EI_ERROR_BODY_MAX];
    json_t       *root, *error;
    json_error_t  err;

    fuzz_assert(rc == v->reason);
    fuzz_assert(v->len < EI_MSG_MAX);
    fuzz_assert(v->len == strlen(v->msg));
    fuzz_assert((rc == EI_OK) == (v->len == 0));

    if (rc == EI_OK) {
        return;
    }

    n = ei_error_body(v->msg, v->len, body, sizeof(body));
    fuzz_assert(n > 0);

    root = json_loadb(body, n, JSON_REJECT_DUPLICATES, &err);
    fuzz_assert(root != NULL);

    error = json_object_get(root, "error");
    fuzz_assert(json_is_false(json_object_get(root, "success")));
    fuzz_assert(json_is_string(error));
    fuzz_assert(json_string_length(error) == v->len);
    fuzz_assert(memcmp(json_string_value(error), v->msg, v->len) == 0);

    json_decref(root);
}


static int
fuzz_in(const char *s, size_t len, const char **set, size_t n)
{
    size_t  i;

    for (i = 0; i < n; i++) {
        if (strlen(set[i]) == len && memcmp(set[i], s, len) == 0) {
            return 1;
        }
    }

    return 0;
}


/* the JSON values of a tree, itself included */
static size_t
fuzz_count(json_t *j)
{
    void    *it;
    size_t   i, n;

    n = 1;

    if (json_is_object(j)) {
        for (it = json_object_iter(j); it; it = json_object_iter_next(j, it)) {
            n += fuzz_count(json_object_iter_value(it));
        }

    } else if (json_is_array(j)) {
        for (i = 0; i < json_array_size(j); i++) {
            n += fuzz_count(json_array_get(j, i));
        }
    }

    return n;
}


/*
 * The bound on values: a body refused for too many has more than
 * EI_BODY_MAX_VALUES (or is invalid anyway); one that got past the JSON
 * step has no more.
 */
static void
fuzz_values(const unsigned char *body, size_t len, ei_reason_t rc,
    const ei_verdict_t *v)
{
    json_t       *strict;
    json_error_t  err;

    if (rc == EI_REJECT_JSON
        && strstr(v->msg, "invalid JSON: too many values") == NULL)
    {
        return;
    }

    strict = json_loadb((const char *) body, len, JSON_REJECT_DUPLICATES,
                        &err);

    if (rc == EI_REJECT_JSON) {
        fuzz_assert(strict == NULL
                    || fuzz_count(strict) > EI_BODY_MAX_VALUES);

    } else {
        fuzz_assert(strict != NULL);
        fuzz_assert(fuzz_count(strict) <= EI_BODY_MAX_VALUES);
    }

    json_decref(strict);
}


/* 1 when s (len bytes) is the start of a member name of root */
static int
fuzz_member_prefix(json_t *root, const char *s, size_t len)
{
    void  *it;

    for (it = json_object_iter(root); it; it = json_object_iter_next(root, it))
    {
        if (json_object_iter_key_len(it) >= len
            && memcmp(json_object_iter_key(it), s, len) == 0)
        {
            return 1;
        }
    }

    return 0;
}


/*
 * "unknown field(s) X, Y and Z [and N more] is/are not allowed", each X a
 * JSON string (then "..." when cut) or "(name not shown)"
 */
static void
fuzz_unknown(const char *p, json_t *root, const fuzz_str_t *keys,
    size_t nkeys)
{
    int           more, end;
    size_t        n, k, slen, total;
    json_t       *s;
    const char   *q, *str;
    json_error_t  err;

    fuzz_assert(root != NULL);

    more = 0;
    n = 0;
    p += (strncmp(p, "unknown fields ", 15) == 0) ? 15 : 14;

    for ( ;; ) {
        if (strncmp(p, "(name not shown)", 16) == 0) {
            p += 16;

        } else {
            /* the shortest JSON string at p */
            fuzz_assert(*p == '"');

            for (q = p + 1; *q != '"'; q++) {
                fuzz_assert(*q != '\0');
                q += (*q == '\\');
            }

            s = json_loadb(p, (size_t) (q + 1 - p), JSON_DECODE_ANY, &err);
            fuzz_assert(json_is_string(s));
            str = json_string_value(s);
            slen = json_string_length(s);

            fuzz_assert(slen <= 64);
            fuzz_assert(fuzz_member_prefix(root, str, slen));

            for (k = 0; k < nkeys; k++) {
                fuzz_assert(keys[k].len == 0
                            || !fuzz_contains(str, slen, keys[k].p,
                                              keys[k].len));
                fuzz_assert(slen < 8
                            || !fuzz_contains((const char *) keys[k].p,
                                              keys[k].len,
                                              (const unsigned char *) str,
                                              slen));
            }

            json_decref(s);
            p = q + 1;

            if (strncmp(p, "...", 3) == 0) {
                p += 3;
            }
        }

        n++;

        if (strncmp(p, ", ", 2) == 0) {
            p += 2;
            continue;
        }

        if (strncmp(p, " and ", 5) == 0 && p[5] >= '1' && p[5] <= '9') {
            end = 0;
            fuzz_assert(sscanf(p, " and %d more%n", &more, &end) == 1);
            fuzz_assert(n == 5 && more >= 1);
            p += end;
            break;
        }

        if (strncmp(p, " and ", 5) == 0) {
            p += 5;
            continue;
        }

        break;
    }

    total = n + (size_t) more;

    fuzz_assert(n <= 5);
    fuzz_assert(strcmp(p, total == 1 ? " is not allowed" : " are not allowed")
                == 0);
}


/* the texts ei_body.c makes are only the documented ones */
static void
fuzz_body_text(ei_reason_t rc, const ei_verdict_t *v,
    const ei_body_policy_t *policy, size_t body_len, json_t *root,
    const fuzz_str_t *keys, size_t nkeys)
{
    int          line, col, end;
    size_t       len;
    char         reason[128], longest[64];
    const char  *p, *semi;

    switch (rc) {

    case EI_REJECT_JSON:
        if (strncmp(v->msg, "body must be a JSON object at line ", 35) == 0) {
            end = 0;
            fuzz_assert(sscanf(v->msg + 26, " at line %d, column %d%n",
                               &line, &col, &end) == 2);
            fuzz_assert((size_t) end == strlen(v->msg + 26));
            fuzz_assert(line >= 1 && col >= 1 && (size_t) col <= body_len);
            return;
        }

        fuzz_assert(strncmp(v->msg, "invalid JSON: ", 14) == 0);
        p = v->msg + 14;
        semi = strstr(p, " at line ");
        len = semi ? (size_t) (semi - p) : strlen(p);
        fuzz_assert(len < sizeof(reason));
        memcpy(reason, p, len);
        reason[len] = '\0';
        fuzz_assert(fuzz_in(reason, len, fuzz_json_reasons,
                            sizeof(fuzz_json_reasons) / sizeof(char *)));

        /* every JSON error has its position now */
        fuzz_assert(semi != NULL);
        end = 0;
        fuzz_assert(sscanf(semi, " at line %d, column %d%n", &line, &col,
                           &end) == 2);
        fuzz_assert((size_t) end == strlen(semi));
        fuzz_assert(line >= 1 && col >= 0 && (size_t) col <= body_len);

        return;

    case EI_REJECT_SCHEMA:
        snprintf(longest, sizeof(longest), "name must be at most %zu bytes",
                 policy->name_max_length);

        /* the unknown fields come last, and only they quote anything */

        for (p = v->msg; ; p = semi + 2) {
            if (strncmp(p, "unknown field", 13) == 0) {
                fuzz_assert(policy->reject_unknown);
                fuzz_unknown(p, root, keys, nkeys);
                break;
            }

            semi = strstr(p, "; ");
            len = semi ? (size_t) (semi - p) : strlen(p);

            fuzz_assert(fuzz_in(p, len, fuzz_schema_texts,
                                sizeof(fuzz_schema_texts) / sizeof(char *))
                        || (len == strlen(longest)
                            && memcmp(p, longest, len) == 0));

            if (semi == NULL) {
                break;
            }
        }

        return;

    case EI_REJECT_DENYLISTED:
        fuzz_assert(strcmp(v->msg,
                           "hmacKey is on the deny list of compromised keys")
                    == 0);
        return;

    case EI_REJECT_DEV_KEY:
        fuzz_assert(strcmp(v->msg,
                           "development keys are not accepted by this gateway")
                    == 0);
        return;

    case EI_REJECT_WEAK_KEY:
    case EI_OK:
        return;

    case EI_ERROR_INTERNAL:
        fuzz_assert(!"ei_body_check could not check a body");
        return;

    default:
        fuzz_assert(!"ei_body_check returned a reason it does not own");
    }
}


static void
fuzz_canonical(const ei_body_result_t *res, const ei_body_policy_t *policy)
{
    void              *it;
    size_t             cap, i;
    json_t            *root;
    ei_reason_t        rc;
    json_error_t       err;
    ei_verdict_t       v2;
    unsigned char     *copy, *out2;
    ei_body_policy_t   strict;
    ei_body_result_t   res2;
    static const char *order[] = { "name", "hmacKey", "isDevelopmentKey" };

    /* a strict JSON object of the three members, in schema order */

    root = json_loadb((const char *) res->canonical, res->canonical_len,
                      JSON_REJECT_DUPLICATES, &err);
    fuzz_assert(root != NULL);
    fuzz_assert(json_object_size(root) == 3);

    for (i = 0, it = json_object_iter(root); it;
         i++, it = json_object_iter_next(root, it))
    {
        fuzz_assert(strcmp(json_object_iter_key(it), order[i]) == 0);
    }

    fuzz_assert(json_string_length(json_object_get(root, "name"))
                == res->name_len);
    fuzz_assert(memcmp(json_string_value(json_object_get(root, "name")),
                       res->name, res->name_len) == 0);
    json_decref(root);

    /* compact: no byte of white space outside strings, none at all here */
    fuzz_assert(res->canonical[0] == '{'
                && res->canonical[res->canonical_len - 1] == '}');

    /* checking it again changes nothing */

    copy = malloc(res->canonical_len);
    fuzz_assert(copy != NULL);
    memcpy(copy, res->canonical, res->canonical_len);

    cap = ei_body_out_size(res->canonical_len);
    out2 = malloc(cap);
    fuzz_assert(out2 != NULL);

    strict = *policy;
    strict.reject_unknown = 1;

    rc = ei_body_check(copy, res->canonical_len, &strict, out2, cap, &res2,
                       &v2);
    fuzz_assert(rc == EI_OK);
    fuzz_assert(res2.canonical_len == res->canonical_len);
    fuzz_assert(memcmp(res2.canonical, res->canonical, res->canonical_len)
                == 0);
    fuzz_assert(res2.name_len == res->name_len);
    fuzz_assert(memcmp(res2.name, res->name, res->name_len) == 0);
    fuzz_assert(strcmp(res2.fingerprint, res->fingerprint) == 0);
    fuzz_assert(res2.dev_key == res->dev_key);
    fuzz_assert(res2.key_bits == res->key_bits);

    ei_cleanse(out2, cap);
    free(out2);
    free(copy);
}


/*
 * A key that is part of a documented text ("name is requi") is found in
 * the answer by chance, not because the answer quotes it
 */

static int
fuzz_documented(const unsigned char *key, size_t len)
{
    size_t  i;

    for (i = 0; i < sizeof(fuzz_schema_texts) / sizeof(char *); i++) {
        if (fuzz_contains(fuzz_schema_texts[i], strlen(fuzz_schema_texts[i]),
                          key, len))
        {
            return 1;
        }
    }

    return 0;
}


static void
fuzz_body(const unsigned char *body, size_t len)
{
    char              fp[EI_FINGERPRINT_LEN + 1];
    size_t            i, k, nkeys, cap, shown;
    const char       *quoted;
    json_t           *lenient;
    ei_reason_t       rc;
    fuzz_str_t        keys[FUZZ_MAX_KEYS];
    ei_verdict_t      v;
    unsigned char    *out;
    ei_body_result_t  res;

    nkeys = fuzz_keys(body, len, &lenient, keys);

    cap = ei_body_out_size(len);
    out = malloc(cap);
    fuzz_assert(out != NULL);

    for (i = 0; i < FUZZ_NPOLICIES; i++) {
        memset(out, 0, cap);

        rc = ei_body_check(body, len, &fuzz_policies[i], out, cap, &res, &v);

        fuzz_verdict(rc, &v);
        fuzz_body_text(rc, &v, &fuzz_policies[i], len, lenient, keys, nkeys);
        fuzz_values(body, len, rc, &v);

        /* the names of unknown members were looked at one by one */

        quoted = strstr(v.msg, "unknown field");
        shown = quoted ? (size_t) (quoted - v.msg) : v.len;

        for (k = 0; k < nkeys; k++) {
            if (keys[k].len >= FUZZ_MIN_LEAK
                && !fuzz_documented(keys[k].p, keys[k].len))
            {
                fuzz_assert(!fuzz_contains(v.msg, shown, keys[k].p,
                                           keys[k].len));
            }
        }

        if (res.name != NULL) {
            fuzz_assert(res.name >= out
                        && res.name + res.name_len <= out + cap);
            fuzz_assert(res.name_len <= len);
        }

        /* nothing is written past what the caller is told to cleanse */

        for (k = res.out_used; k < cap; k++) {
            fuzz_assert(out[k] == 0);
        }

        if (rc != EI_OK) {
            fuzz_assert(res.canonical == NULL && res.canonical_len == 0);
            continue;
        }

        fuzz_assert(res.canonical == out);
        fuzz_assert(res.canonical_len <= len);
        fuzz_assert(res.name == out + res.canonical_len);
        fuzz_assert(strlen(res.fingerprint) == EI_FINGERPRINT_LEN);
        fuzz_assert(strncmp(res.fingerprint, "sha256:", 7) == 0);
        fuzz_assert(res.key_bits >= fuzz_policies[i].strength.min_bits);
        fuzz_assert(fuzz_policies[i].allow_dev_keys || !res.dev_key);
        fuzz_assert(res.out_used == res.canonical_len + res.name_len);

        /* the fingerprint made later from the canonical body is the same */

        fuzz_assert(ei_body_key_fingerprint(res.canonical + res.key_at,
                                            res.key_len, fp)
                    == 0);
        fuzz_assert(strcmp(fp, res.fingerprint) == 0);

        fuzz_canonical(&res, &fuzz_policies[i]);
    }

    ei_cleanse(out, cap);
    free(out);
    json_decref(lenient);
}


static void
fuzz_target(const unsigned char *target, size_t len)
{
    uint64_t      id;
    ei_reason_t   rc;
    ei_verdict_t  v;

    /* v is left alone when the target is accepted */
    id = 0;
    ei_verdict_set(&v, EI_OK);
    rc = ei_target_check(target, len, &id, &v);

    fuzz_verdict(rc, &v);
    fuzz_assert(rc == EI_OK || rc == EI_REJECT_URI_FORM
                || rc == EI_REJECT_URI_PATH || rc == EI_REJECT_PROJECT_ID);

    if (rc == EI_OK) {
        fuzz_assert(id >= 1 && id <= EI_PROJECT_ID_MAX);
        fuzz_assert(ei_project_allowed(id, NULL, 0));
        fuzz_assert(ei_project_allowed(id, &id, 1));
    }
}


static void
fuzz_denylist_text(const unsigned char *text, size_t len)
{
    size_t         i, lines, err_line;
    ei_denylist_t  dl;

    lines = 1;
    for (i = 0; i < len; i++) {
        lines += (text[i] == '\n');
    }

    err_line = 0;

    if (ei_denylist_parse(text, len, &dl, &err_line) == 0) {
        fuzz_assert(dl.n <= lines);
        fuzz_assert((dl.n == 0) == (dl.digests == NULL));
        ei_denylist_free(&dl);

    } else {
        fuzz_assert(err_line >= 1 && err_line <= lines);
    }
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int            initialized;
    int                   ok;
    size_t                t_len, c_len;
    const unsigned char  *nl, *ct, *body, *end;

    if (!initialized) {
        fuzz_init();
        initialized = 1;
    }

    end = data + size;

    nl = memchr(data, '\n', size);
    t_len = nl ? (size_t) (nl - data) : size;
    ct = nl ? nl + 1 : end;

    nl = memchr(ct, '\n', (size_t) (end - ct));
    c_len = nl ? (size_t) (nl - ct) : (size_t) (end - ct);
    body = nl ? nl + 1 : end;

    fuzz_target(data, t_len);

    ok = ei_media_type_ok(ct, c_len);
    fuzz_assert(ok == 0 || ok == 1);

    fuzz_body(body, (size_t) (end - body));
    fuzz_denylist_text(body, (size_t) (end - body));

    return 0;
}
