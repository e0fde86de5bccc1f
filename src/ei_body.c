/*
 * The AddHmacKeyRequest body (SPEC section 4 steps 7-10): strict JSON, the
 * schema, the key rules, and the canonical form forwarded upstream.
 */

#include <malloc.h>             /* malloc_usable_size(), glibc and musl */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <openssl/crypto.h>

#include "ei_body.h"


#define EI_BODY_NFIELDS  3

#define EI_BODY_NAME     0
#define EI_BODY_KEY      1
#define EI_BODY_DEV      2

#define EI_BODY_TYPE_STRING   (1 << JSON_STRING)
#define EI_BODY_TYPE_BOOLEAN  ((1 << JSON_TRUE) | (1 << JSON_FALSE))


typedef struct {
    const char  *name;          /* the schema's spelling */
    size_t       len;
    const char  *lower;         /* compared with folded member names */
    int          types;         /* mask of accepted json_type values */
    const char  *type_text;
} ei_body_field_t;


typedef struct {
    const char  *prefix;        /* of jansson's own text */
    size_t       len;
    const char  *text;
} ei_body_syntax_t;


typedef struct {
    const char  *seq;           /* UTF-8 of a non-ASCII character */
    size_t       len;
    char         folded;        /* the ASCII letter it folds to */
} ei_body_fold_t;


static ei_reason_t ei_body_json_error(const json_error_t *err,
    ei_verdict_t *v);
static ei_reason_t ei_body_failed(ei_verdict_t *v);
static int ei_body_schema(json_t *root, const ei_body_policy_t *policy,
    json_t *values[EI_BODY_NFIELDS], int *name_ok, ei_verdict_t *v);
static int ei_body_field(const char *key, size_t len);
static int ei_body_case_variant(const char *key, size_t len);
static int ei_body_fold_eq(const unsigned char *key, size_t len,
    const char *lower);
static void ei_body_name_rules(const unsigned char *name, size_t len,
    size_t max, int *nerr, ei_verdict_t *v);
static void ei_body_schema_error(ei_verdict_t *v, int *nerr, const char *text);
static size_t ei_body_escaped_len(const unsigned char *s, size_t len);
static unsigned char *ei_body_escape(unsigned char *p, const unsigned char *s,
    size_t len);
static unsigned char *ei_body_copy(unsigned char *p, const char *s);
static void ei_body_free(void *p);


/* the schema, in the order of the AddHmacKeyRequest document */
static const ei_body_field_t  ei_body_fields[EI_BODY_NFIELDS] = {
    { "name", 4, "name", EI_BODY_TYPE_STRING, "a string" },
    { "hmacKey", 7, "hmackey", EI_BODY_TYPE_STRING, "a string" },
    { "isDevelopmentKey", 16, "isdevelopmentkey", EI_BODY_TYPE_BOOLEAN,
      "a boolean" },
};


/*
 * Our own words for jansson's error codes: jansson's text quotes up to 20
 * bytes of the input around the error, which may be part of the hmacKey.
 */
static const char  *ei_body_json_errors[] = {
    [json_error_unknown] = "the body could not be parsed",
    [json_error_out_of_memory] = "the body could not be parsed",
    [json_error_stack_overflow] = "nesting too deep",
    [json_error_cannot_open_file] = "the body could not be parsed",
    [json_error_invalid_argument] = "the body could not be parsed",
    [json_error_invalid_utf8] = "invalid UTF-8",
    [json_error_premature_end_of_input] = "unexpected end of input",
    [json_error_end_of_input_expected] = "unexpected data after the JSON value",
    [json_error_invalid_syntax] = "syntax error",
    [json_error_invalid_format] = "the body could not be parsed",
    [json_error_wrong_type] = "the body could not be parsed",
    [json_error_null_character] = "NUL character in a string",
    [json_error_null_value] = "the body could not be parsed",
    [json_error_null_byte_in_key] = "NUL character in a member name",
    [json_error_duplicate_key] = "duplicate member name",
    [json_error_numeric_overflow] = "number out of range",
    [json_error_item_not_found] = "the body could not be parsed",
    [json_error_index_out_of_range] = "the body could not be parsed",
};


/*
 * jansson gives every lexical error inside a string the one code
 * json_error_invalid_syntax; the start of its text (never the quoted part
 * after it) tells them apart.  Should a later jansson reword these, the
 * answer falls back to "syntax error", which is still true.
 */
static const ei_body_syntax_t  ei_body_syntax_errors[] = {
    { "invalid Unicode", 15, "invalid \\u escape or lone surrogate" },
    { "invalid escape", 14, "invalid escape sequence" },
    { "control character", 17, "control character in a string" },
    { "unexpected newline", 18, "control character in a string" },
    { "invalid token", 13, "invalid token" },
};


/*
 * Non-ASCII characters that case-insensitive matchers of common runtimes
 * (Java's equalsIgnoreCase, .NET's OrdinalIgnoreCase) take for ASCII letters
 * of our field names: KELVIN SIGN for 'k', DOTLESS I for 'i', LONG S for 's'.
 */
static const ei_body_fold_t  ei_body_folds[] = {
    { "\xe2\x84\xaa", 3, 'k' },
    { "\xc4\xb1", 2, 'i' },
    { "\xc5\xbf", 2, 's' },
};


/* JSON's escapes of control characters that have a short form */
static const char  ei_body_short_escapes[0x20] = {
    ['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n', ['\f'] = 'f', ['\r'] = 'r',
};


void
ei_body_init(void)
{
    /*
     * jansson copies every string it parses, the hmacKey included, into
     * blocks from its allocator (the lexer's token buffer, the value, the
     * strbuffer that grows while a string is read), and frees them without
     * clearing them.  A free that cleanses first leaves no copy of the key
     * in freed heap memory, where a core dump or a later bug could find it.
     * The hooks are global to the process, so they must never point at
     * request pools: plain malloc, and free after cleansing.
     */
    json_set_alloc_funcs(malloc, ei_body_free);

    /* seed the hash of object keys now, not inside the first request */
    json_object_seed(0);
}


size_t
ei_body_out_size(size_t len)
{
    /*
     * The canonical body is never longer than the body it came from (see
     * ei_body_check), and the unescaped name is never longer either, so
     * twice the length is enough; the rest is margin.
     */
    return 2 * len + 64;
}


ei_reason_t
ei_body_check(const unsigned char *body, size_t len,
    const ei_body_policy_t *policy, unsigned char *out, size_t out_cap,
    ei_body_result_t *res, ei_verdict_t *v)
{
    int                   name_ok, dev;
    size_t                i, name_len, key_len, clen;
    json_t               *root, *values[EI_BODY_NFIELDS];
    unsigned              bits;
    ei_reason_t           rc;
    json_error_t          err;
    unsigned char        *p, digest[EI_SHA256_LEN];
    const unsigned char  *name, *key;

    memset(res, 0, sizeof(ei_body_result_t));

    /* the code of an error is kept in text[], which jansson may not set */
    memset(&err, 0, sizeof(json_error_t));

    if (len > (((size_t) -1) - 64) / 2 || out_cap < ei_body_out_size(len)) {
        return ei_body_failed(v);
    }

    /*
     * Anything that does not open with '{' cannot be an object; jansson
     * would accept an array, and say "'[' or '{' expected" of the rest.
     */

    for (i = 0; i < len; i++) {
        if (body[i] != ' ' && body[i] != '\t' && body[i] != '\n'
            && body[i] != '\r')
        {
            break;
        }
    }

    if (i < len && body[i] != '{') {
        return ei_verdict_fmt(v, EI_REJECT_JSON, "body must be a JSON object");
    }

    /*
     * No JSON_DECODE_ANY: only an object or an array at the top; no
     * JSON_DISABLE_EOF_CHECK: nothing after the value; no JSON_ALLOW_NUL:
     * "\u0000" is refused, as no field may hold it and C strings stop
     * there; duplicates refused, since parsers differ on which one wins.
     */

    root = json_loadb((const char *) body, len, JSON_REJECT_DUPLICATES, &err);

    if (root == NULL) {
        rc = ei_body_json_error(&err, v);

        /* jansson's text may quote part of the key */
        ei_cleanse(&err, sizeof(json_error_t));

        return rc;
    }

    if (!json_is_object(root)) {
        rc = ei_verdict_fmt(v, EI_REJECT_JSON, "body must be a JSON object");
        goto done;
    }

    if (ei_body_schema(root, policy, values, &name_ok, v) != 0) {
        rc = EI_REJECT_SCHEMA;

        if (name_ok) {
            res->name = out;
            res->name_len = json_string_length(values[EI_BODY_NAME]);
            memcpy(out, json_string_value(values[EI_BODY_NAME]),
                   res->name_len);
        }

        goto done;
    }

    name = (const unsigned char *) json_string_value(values[EI_BODY_NAME]);
    name_len = json_string_length(values[EI_BODY_NAME]);
    key = (const unsigned char *) json_string_value(values[EI_BODY_KEY]);
    key_len = json_string_length(values[EI_BODY_KEY]);
    dev = json_is_true(values[EI_BODY_DEV]);

    res->dev_key = dev;
    res->name = out;
    res->name_len = name_len;
    memcpy(out, name, name_len);

    bits = 0;
    rc = ei_strength_check(key, key_len, &policy->strength, &bits, v);
    res->key_bits = bits;

    if (rc != EI_OK) {
        goto done;
    }

    if (ei_sha256(key, key_len, digest) != 0) {
        rc = ei_body_failed(v);
        goto done;
    }

    ei_fingerprint(digest, res->fingerprint);

    if (policy->denylist != NULL
        && ei_denylist_contains(policy->denylist, digest))
    {
        ei_cleanse(digest, sizeof(digest));
        rc = ei_verdict_set(v, EI_REJECT_DENYLISTED);
        goto done;
    }

    ei_cleanse(digest, sizeof(digest));

    if (dev && !policy->allow_dev_keys) {
        rc = ei_verdict_set(v, EI_REJECT_DEV_KEY);
        goto done;
    }

    /*
     * The canonical body is never longer than the body, so it fits in out
     * (ei_body_out_size).  The body must hold each of the three members;
     * for each, its name token is at least as long as ours (we write the
     * shortest spelling, the body may use escapes), the value string is at
     * least as long as our escaped value (a character the body wrote raw we
     * write raw; '"' and '\' must have been escaped in the body too, with
     * at least the two bytes we use; a \uXXXX escape of 6 or 12 bytes
     * becomes 1 to 4 raw bytes; a control character, which only a weaker
     * key check could let through, takes the short escape when the body
     * may have used one and \u00XX otherwise), and true/false are the same
     * tokens.  The body also needs the '{', '}', three ':' and two ','
     * that we write, and anything else it holds (white space, other
     * members) we drop.  The name copied after the canonical body is at
     * most the length of its escaped form in the body, so both fit in
     * 2 * len.
     */

    clen = sizeof("{\"name\":\"") - 1 + ei_body_escaped_len(name, name_len)
           + sizeof("\",\"hmacKey\":\"") - 1
           + ei_body_escaped_len(key, key_len)
           + sizeof("\",\"isDevelopmentKey\":") - 1
           + (dev ? sizeof("true}") - 1 : sizeof("false}") - 1);

    if (clen > len || clen + name_len > out_cap) {
        /* a broken invariant: refuse rather than overflow */
        rc = ei_body_failed(v);
        res->name = NULL;
        res->name_len = 0;
        goto done;
    }

    p = out;
    p = ei_body_copy(p, "{\"name\":\"");
    p = ei_body_escape(p, name, name_len);
    p = ei_body_copy(p, "\",\"hmacKey\":\"");
    p = ei_body_escape(p, key, key_len);
    p = ei_body_copy(p, "\",\"isDevelopmentKey\":");
    p = ei_body_copy(p, dev ? "true}" : "false}");

    res->canonical = out;
    res->canonical_len = (size_t) (p - out);

    /* the name moves after the canonical body; it was at out */
    memcpy(p, name, name_len);
    res->name = p;

    rc = ei_verdict_set(v, EI_OK);

done:

    json_decref(root);

    return rc;
}


static ei_reason_t
ei_body_json_error(const json_error_t *err, ei_verdict_t *v)
{
    size_t       i;
    const char  *text;
    unsigned     code;

    code = (unsigned) json_error_code(err);

    if (code < sizeof(ei_body_json_errors) / sizeof(ei_body_json_errors[0])
        && ei_body_json_errors[code] != NULL)
    {
        text = ei_body_json_errors[code];

    } else {
        text = "the body could not be parsed";
    }

    if (code == json_error_invalid_syntax) {
        for (i = 0;
             i < sizeof(ei_body_syntax_errors) / sizeof(ei_body_syntax_t);
             i++)
        {
            if (strncmp(err->text, ei_body_syntax_errors[i].prefix,
                        ei_body_syntax_errors[i].len)
                == 0)
            {
                text = ei_body_syntax_errors[i].text;
                break;
            }
        }
    }

    /* jansson has no position for errors outside the lexer (memory) */

    if (err->line < 1 || err->column < 0) {
        return ei_verdict_fmt(v, EI_REJECT_JSON, "invalid JSON: %s", text);
    }

    return ei_verdict_fmt(v, EI_REJECT_JSON,
                          "invalid JSON: %s at line %d, column %d",
                          text, err->line, err->column);
}


/*
 * A body that could not be checked at all: no memory, no SHA-256, out too
 * small.  ei_reason.h has no reason for an internal error, so it is refused
 * with the text jansson's own memory failures get.
 */
static ei_reason_t
ei_body_failed(ei_verdict_t *v)
{
    return ei_verdict_fmt(v, EI_REJECT_JSON,
                          "invalid JSON: the body could not be parsed");
}


/*
 * Returns the number of schema errors, all in v in schema order; values
 * receives the members of the schema's own spelling (NULL when absent),
 * *name_ok whether the name passed its rules.
 */
static int
ei_body_schema(json_t *root, const ei_body_policy_t *policy,
    json_t *values[EI_BODY_NFIELDS], int *name_ok, ei_verdict_t *v)
{
    int          f, nerr, before, unknown, wrong_case[EI_BODY_NFIELDS];
    void        *it;
    size_t       klen;
    json_t      *value;
    const char  *key;
    char         text[128];

    unknown = 0;
    *name_ok = 0;

    for (f = 0; f < EI_BODY_NFIELDS; f++) {
        values[f] = NULL;
        wrong_case[f] = 0;
    }

    for (it = json_object_iter(root); it; it = json_object_iter_next(root, it))
    {
        key = json_object_iter_key(it);
        klen = json_object_iter_key_len(it);
        value = json_object_iter_value(it);

        f = ei_body_field(key, klen);
        if (f >= 0) {
            values[f] = value;
            continue;
        }

        /*
         * Refused even when unknown fields are dropped: an upstream that
         * matches names without regard to case could take "HMACKEY" for
         * the key we did not check.
         */

        f = ei_body_case_variant(key, klen);
        if (f >= 0) {
            wrong_case[f] = 1;
            continue;
        }

        unknown = 1;
    }

    nerr = 0;
    ei_verdict_fmt(v, EI_REJECT_SCHEMA, "%s", "");

    for (f = 0; f < EI_BODY_NFIELDS; f++) {

        /* the schema's spelling: the client's could be anything */

        if (wrong_case[f]) {
            snprintf(text, sizeof(text), "%s is spelled with the wrong "
                     "letter case", ei_body_fields[f].name);
            ei_body_schema_error(v, &nerr, text);
        }

        if (values[f] == NULL) {
            if (!wrong_case[f]) {
                snprintf(text, sizeof(text), "%s is required",
                         ei_body_fields[f].name);
                ei_body_schema_error(v, &nerr, text);
            }

            continue;
        }

        if (!((1 << json_typeof(values[f])) & ei_body_fields[f].types)) {
            snprintf(text, sizeof(text), "%s must be %s",
                     ei_body_fields[f].name, ei_body_fields[f].type_text);
            ei_body_schema_error(v, &nerr, text);
            continue;
        }

        if (f == EI_BODY_NAME) {
            before = nerr;

            ei_body_name_rules(
                (const unsigned char *) json_string_value(values[f]),
                json_string_length(values[f]), policy->name_max_length,
                &nerr, v);

            *name_ok = (nerr == before);
        }
    }

    if (unknown && policy->reject_unknown) {
        ei_body_schema_error(v, &nerr, "unknown fields are not allowed "
                             "(only name, hmacKey, isDevelopmentKey)");
    }

    return nerr;
}


static int
ei_body_field(const char *key, size_t len)
{
    int  f;

    for (f = 0; f < EI_BODY_NFIELDS; f++) {
        if (len == ei_body_fields[f].len
            && memcmp(key, ei_body_fields[f].name, len) == 0)
        {
            return f;
        }
    }

    return -1;
}


static int
ei_body_case_variant(const char *key, size_t len)
{
    int  f;

    for (f = 0; f < EI_BODY_NFIELDS; f++) {
        if (ei_body_fold_eq((const unsigned char *) key, len,
                            ei_body_fields[f].lower))
        {
            return f;
        }
    }

    return -1;
}


/* 1 when key, folded to ASCII lowercase, equals lower */
static int
ei_body_fold_eq(const unsigned char *key, size_t len, const char *lower)
{
    int            matched;
    size_t         i, j, k;
    unsigned char  c;

    for (i = 0, j = 0; i < len; j++) {
        if (lower[j] == '\0') {
            return 0;
        }

        c = key[i];

        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') {
                c = (unsigned char) (c - 'A' + 'a');
            }

            if (c != (unsigned char) lower[j]) {
                return 0;
            }

            i++;
            continue;
        }

        matched = 0;

        for (k = 0; k < sizeof(ei_body_folds) / sizeof(ei_body_fold_t); k++) {
            if (len - i >= ei_body_folds[k].len
                && memcmp(key + i, ei_body_folds[k].seq, ei_body_folds[k].len)
                   == 0
                && ei_body_folds[k].folded == lower[j])
            {
                i += ei_body_folds[k].len;
                matched = 1;
                break;
            }
        }

        if (!matched) {
            return 0;
        }
    }

    return lower[j] == '\0';
}


static void
ei_body_name_rules(const unsigned char *name, size_t len, size_t max,
    int *nerr, ei_verdict_t *v)
{
    int     blank, control;
    size_t  i;
    char    text[64];

    if (len == 0) {
        ei_body_schema_error(v, nerr, "name must not be empty");
        return;
    }

    if (len > max) {
        snprintf(text, sizeof(text), "name must be at most %zu bytes", max);
        ei_body_schema_error(v, nerr, text);
    }

    blank = 1;
    control = 0;

    for (i = 0; i < len; i++) {
        if (name[i] != ' ' && name[i] != '\t' && name[i] != '\n'
            && name[i] != '\v' && name[i] != '\f' && name[i] != '\r')
        {
            blank = 0;
        }

        if (name[i] < 0x20 || name[i] == 0x7f) {
            control = 1;
        }
    }

    if (blank) {
        ei_body_schema_error(v, nerr, "name must not be only white space");
    }

    if (control) {
        ei_body_schema_error(v, nerr,
                             "name must not contain control characters");
    }
}


static void
ei_body_schema_error(ei_verdict_t *v, int *nerr, const char *text)
{
    ei_verdict_append(v, "%s", text);
    (*nerr)++;
}


static size_t
ei_body_escaped_len(const unsigned char *s, size_t len)
{
    size_t  i, n;

    n = 0;

    for (i = 0; i < len; i++) {
        if (s[i] == '"' || s[i] == '\\') {
            n += 2;

        } else if (s[i] < 0x20) {
            n += ei_body_short_escapes[s[i]] ? 2 : 6;

        } else {
            n++;
        }
    }

    return n;
}


/*
 * Only what JSON requires is escaped: '"', '\' and control characters, the
 * last never met once the rules on name and key have passed.
 */
static unsigned char *
ei_body_escape(unsigned char *p, const unsigned char *s, size_t len)
{
    static const char  hex[] = "0123456789abcdef";
    size_t             i;

    for (i = 0; i < len; i++) {
        if (s[i] == '"' || s[i] == '\\') {
            *p++ = '\\';
            *p++ = s[i];

        } else if (s[i] < 0x20 && ei_body_short_escapes[s[i]]) {
            *p++ = '\\';
            *p++ = (unsigned char) ei_body_short_escapes[s[i]];

        } else if (s[i] < 0x20) {
            *p++ = '\\';
            *p++ = 'u';
            *p++ = '0';
            *p++ = '0';
            *p++ = (unsigned char) hex[s[i] >> 4];
            *p++ = (unsigned char) hex[s[i] & 0xf];

        } else {
            *p++ = s[i];
        }
    }

    return p;
}


static unsigned char *
ei_body_copy(unsigned char *p, const char *s)
{
    size_t  n;

    n = strlen(s);
    memcpy(p, s, n);

    return p + n;
}


static void
ei_body_free(void *p)
{
    if (p != NULL) {
        OPENSSL_cleanse(p, malloc_usable_size(p));
        free(p);
    }
}
