/*
 * The AddHmacKeyRequest body (README "What a request goes through", steps
 * 7-10): strict JSON, the schema, the key rules, and the canonical form
 * forwarded upstream.
 *
 * The cost of a body is bounded (README "Performance"): a cheap pass counts
 * the JSON values before jansson builds them (ei_json_count.c), and jansson
 * allocates from an arena that is cleansed and reset once per body instead
 * of block by block (ei_arena.c).  The schema is ei_schema.c, the JSON
 * verdicts ei_json_error.c, the escapes ei_escape.c.
 */

#include <string.h>

#include <jansson.h>

#include "ei_arena.h"
#include "ei_body.h"
#include "ei_escape.h"
#include "ei_json_count.h"
#include "ei_json_error.h"
#include "ei_schema.h"


#define ei_body_put_lit(p, end, lit)  ei_body_put(p, end, lit, sizeof(lit) - 1)


static ei_reason_t ei_body_parse(const unsigned char *body, size_t len,
    json_t **root, ei_verdict_t *v);
static ei_reason_t ei_body_verdict(json_t *root,
    const ei_body_policy_t *policy, size_t len, unsigned char *out,
    size_t out_cap, ei_body_result_t *res, ei_verdict_t *v);
static ei_reason_t ei_body_key_rules(const unsigned char *key,
    size_t key_len, const ei_body_policy_t *policy, ei_body_result_t *res,
    ei_verdict_t *v);
static int ei_body_canonical(const unsigned char *name, size_t name_len,
    const unsigned char *key, size_t key_len, size_t len,
    unsigned char *out, size_t out_cap, ei_body_result_t *res);
static unsigned char *ei_body_put(unsigned char *p, unsigned char *end,
    const char *s, size_t n);
static ei_reason_t ei_body_failed(ei_verdict_t *v);
static void ei_body_keep_name(ei_body_result_t *res, unsigned char *out,
    const unsigned char *name, size_t len);
static unsigned char ei_body_unescape(const unsigned char *escaped,
    size_t len, size_t *i);


void
ei_body_init(void)
{
    /*
     * jansson copies every string it parses, the hmacKey included, into
     * blocks from its allocator (the lexer's token buffer, the value, the
     * strbuffer that grows while a string is read), and frees them without
     * clearing them: ei_arena.c takes them.
     */
    ei_arena_install();

    /* seed the hash of object keys now, not inside the first request */
    json_object_seed(0);
}


void
ei_body_set_parse_memory(size_t max)
{
    ei_arena_set_limit(max);
}


int
ei_body_arena_holds(const unsigned char *bytes, size_t len)
{
    return ei_arena_holds(bytes, len);
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
    int           own;
    json_t       *root;
    ei_reason_t   rc;

    memset(res, 0, sizeof(ei_body_result_t));

    if (len > (((size_t) -1) - 64) / 2 || out_cap < ei_body_out_size(len)) {
        return ei_body_failed(v);
    }

    /*
     * With our hooks installed (ei_body_init), every block of the parse is
     * in the arena and the tree goes with it; otherwise jansson's blocks
     * come from elsewhere and the tree is freed as usual.
     */

    own = ei_arena_begin();

    root = NULL;
    rc = ei_body_parse(body, len, &root, v);

    if (own && ei_arena_failed()) {
        /* a block jansson asked for could not be had: its verdict is moot */
        rc = ei_body_failed(v);
    }

    if (rc == EI_OK) {
        rc = ei_body_verdict(root, policy, len, out, out_cap, res, v);
    }

    if (own) {
        /* the tree is in the arena: no walk to free it block by block */
        ei_arena_end();

    } else {
        json_decref(root);
    }

    return rc;
}


/* steps 8 to 10 on the parsed body, and the canonical body when they pass */
static ei_reason_t
ei_body_verdict(json_t *root, const ei_body_policy_t *policy, size_t len,
    unsigned char *out, size_t out_cap, ei_body_result_t *res,
    ei_verdict_t *v)
{
    int                   name_ok;
    size_t                name_len, key_len;
    json_t               *values[EI_SCHEMA_NFIELDS];
    ei_reason_t           rc;
    const unsigned char  *name, *key;

    if (ei_schema_check(root, policy, values, &name_ok, v) != 0) {
        if (name_ok) {
            name = (const unsigned char *)
                       json_string_value(values[EI_SCHEMA_NAME]);
            ei_body_keep_name(res, out, name,
                              json_string_length(values[EI_SCHEMA_NAME]));
        }

        return EI_REJECT_SCHEMA;
    }

    name = (const unsigned char *) json_string_value(values[EI_SCHEMA_NAME]);
    name_len = json_string_length(values[EI_SCHEMA_NAME]);
    key = (const unsigned char *) json_string_value(values[EI_SCHEMA_KEY]);
    key_len = json_string_length(values[EI_SCHEMA_KEY]);

    res->dev_key = json_is_true(values[EI_SCHEMA_DEV]);

    rc = ei_body_key_rules(key, key_len, policy, res, v);

    if (rc != EI_OK) {
        ei_body_keep_name(res, out, name, name_len);
        return rc;
    }

    if (ei_body_canonical(name, name_len, key, key_len, len, out, out_cap,
                          res)
        != 0)
    {
        /* a broken invariant: refused, never overflowed */
        ei_cleanse(out, out_cap);
        return ei_body_failed(v);
    }

    return ei_verdict_set(v, EI_OK);
}


/* steps 9 and 10: strength, denylist, development key */
static ei_reason_t
ei_body_key_rules(const unsigned char *key, size_t key_len,
    const ei_body_policy_t *policy, ei_body_result_t *res, ei_verdict_t *v)
{
    int            listed, refused;
    unsigned       bits;
    ei_reason_t    rc;
    unsigned char  digest[EI_SHA256_LEN];

    bits = 0;
    rc = ei_strength_check(key, key_len, &policy->strength, &bits, v);
    res->key_bits = bits;

    if (rc != EI_OK) {
        return rc;
    }

    refused = (res->dev_key && !policy->allow_dev_keys);

    /*
     * The digest costs more than the rest of the key rules but the
     * strength estimate: made for the denylist, and for the fingerprint of
     * a refused key, which is not kept for later; an accepted key's is
     * made when it is read, from the canonical body.
     */

    if (policy->denylist == NULL && policy->lazy_fingerprint && !refused) {
        return EI_OK;
    }

    if (ei_sha256(key, key_len, digest) != 0) {
        return ei_body_failed(v);
    }

    ei_fingerprint(digest, res->fingerprint);

    listed = (policy->denylist != NULL
              && ei_denylist_contains(policy->denylist, digest));

    ei_cleanse(digest, sizeof(digest));

    if (listed) {
        return ei_verdict_set(v, EI_REJECT_DENYLISTED);
    }

    if (refused) {
        return ei_verdict_set(v, EI_REJECT_DEV_KEY);
    }

    return EI_OK;
}


/*
 * Writes the canonical body in one pass into out, and the name after it;
 * returns 0, or -1 if it would not fit.
 *
 * It is never longer than the body (len).  The body must hold each of the
 * three members; for each, its name token is at least as long as ours (we
 * write the shortest spelling, the body may use escapes), the value string
 * is at least as long as our escaped value (a character the body wrote raw
 * we write raw; '"' and '\' must have been escaped in the body too, with at
 * least the two bytes we use; a \uXXXX escape of 6 or 12 bytes becomes 1
 * to 4 raw bytes; a control character, which only a weaker key check could
 * let through, takes the short escape when the body may have used one and
 * \u00XX otherwise), and true/false are the same tokens.  The body also
 * needs the '{', '}', three ':' and two ',' that we write, and anything
 * else it holds (white space, other members) we drop.  The name copied
 * after the canonical body is at most the length of its escaped form in
 * the body, so both fit in 2 * len (ei_body_out_size).  The bounds are
 * checked all the same.
 */
static int
ei_body_canonical(const unsigned char *name, size_t name_len,
    const unsigned char *key, size_t key_len, size_t len,
    unsigned char *out, size_t out_cap, ei_body_result_t *res)
{
    unsigned char  *p, *end;

    p = out;
    end = out + out_cap;

    p = ei_body_put_lit(p, end, "{\"name\":\"");
    p = ei_escape_json(p, end, name, name_len);
    p = ei_body_put_lit(p, end, "\",\"hmacKey\":\"");

    if (p != NULL) {
        res->key_at = (size_t) (p - out);
    }

    p = ei_escape_json(p, end, key, key_len);

    if (p != NULL) {
        res->key_len = (size_t) (p - out) - res->key_at;
    }

    if (res->dev_key) {
        p = ei_body_put_lit(p, end, "\",\"isDevelopmentKey\":true}");

    } else {
        p = ei_body_put_lit(p, end, "\",\"isDevelopmentKey\":false}");
    }

    if (p == NULL || (size_t) (p - out) > len
        || (size_t) (end - p) < name_len)
    {
        return -1;
    }

    res->canonical = out;
    res->canonical_len = (size_t) (p - out);

    memcpy(p, name, name_len);
    res->name = p;
    res->name_len = name_len;
    res->out_used = res->canonical_len + name_len;

    return 0;
}


/* copies n bytes of s to p; NULL when p is NULL or end would be passed */
static unsigned char *
ei_body_put(unsigned char *p, unsigned char *end, const char *s, size_t n)
{
    if (p == NULL || (size_t) (end - p) < n) {
        return NULL;
    }

    memcpy(p, s, n);

    return p + n;
}


/*
 * Parses the body into *root (EI_OK), or sets the JSON verdict.  Only an
 * object is accepted at the top level, and no more than
 * EI_BODY_MAX_VALUES values in all.
 */
static ei_reason_t
ei_body_parse(const unsigned char *body, size_t len, json_t **root,
    ei_verdict_t *v)
{
    size_t        i, cut;
    ei_reason_t   rc;
    json_error_t  err;

    /*
     * Anything that does not open with '{' cannot be an object; jansson
     * would accept an array, and say "'[' or '{' expected" of the rest,
     * with the offending text.  A UTF-8 byte order mark is not white space
     * to JSON (RFC 8259 section 8.1 lets a parser refuse it).
     */

    i = ei_json_skip_space(body, 0, len);

    if (i < len && body[i] != '{') {
        return ei_json_error_at(v, body, i, "body must be a JSON object",
                                sizeof("body must be a JSON object") - 1);
    }

    /*
     * jansson parses only the bytes before the value that is one too many,
     * so that no body costs more than EI_BODY_MAX_VALUES values.  Up to
     * there jansson reads exactly what it would read of the whole body, so
     * an error it finds before that point is its own verdict, unchanged;
     * if it finds none, it runs out of input just there.
     */

    cut = ei_json_count_values(body, len);

    /*
     * the code of an error is kept in the last byte of text[], which
     * jansson may not set; the rest it sets before it reads anything
     */
    err.text[JSON_ERROR_TEXT_LENGTH - 1] = '\0';

    /*
     * No JSON_DECODE_ANY: only an object or an array at the top; no
     * JSON_DISABLE_EOF_CHECK: nothing after the value; no JSON_ALLOW_NUL:
     * "\u0000" is refused, as no field may hold it and C strings stop
     * there; duplicates refused, since parsers differ on which one wins.
     */

    *root = json_loadb((const char *) body, cut, JSON_REJECT_DUPLICATES, &err);

    if (*root != NULL && cut == len && json_is_object(*root)) {
        return EI_OK;
    }

    if (cut < len
        && (*root != NULL
            || (json_error_code(&err) == json_error_premature_end_of_input
                && (size_t) err.position == cut)))
    {
        rc = ei_json_error_at(v, body, cut, "invalid JSON: too many values",
                              sizeof("invalid JSON: too many values") - 1);

    } else if (*root != NULL) {
        /* not reached: the body opens with '{' */
        rc = ei_json_error_at(v, body, i, "body must be a JSON object",
                              sizeof("body must be a JSON object") - 1);

    } else {
        rc = ei_json_error(&err, v);
    }

    /* jansson's text may quote part of the key */
    ei_cleanse(&err, sizeof(json_error_t));

    return rc;
}


/*
 * A body that could not be checked at all: no memory, no SHA-256, out too
 * small.  Not the client's fault: 500.
 */
static ei_reason_t
ei_body_failed(ei_verdict_t *v)
{
    return ei_verdict_set(v, EI_ERROR_INTERNAL);
}


/* the name of a refused body, for $ei_hmac_key_name and the log */
static void
ei_body_keep_name(ei_body_result_t *res, unsigned char *out,
    const unsigned char *name, size_t len)
{
    memcpy(out, name, len);
    res->name = out;
    res->name_len = len;
    res->out_used = len;
}


int
ei_body_key_fingerprint(const unsigned char *escaped, size_t len,
    char out[EI_FINGERPRINT_LEN + 1])
{
    int            rc;
    size_t         i, n;
    unsigned char  buf[64], digest[EI_SHA256_LEN];

    /*
     * The escapes are ei_escape_json's: \" \\ and those of control
     * characters, which a key that passed the strength rules has none of.
     */

    if (ei_sha256_begin() != 0) {
        return -1;
    }

    rc = 0;
    n = 0;

    for (i = 0; i < len && rc == 0; i++) {
        if (escaped[i] == '\\' && i + 1 < len) {
            i++;
            buf[n++] = ei_body_unescape(escaped, len, &i);

        } else {
            buf[n++] = escaped[i];
        }

        if (n == sizeof(buf)) {
            rc = ei_sha256_update(buf, n);
            n = 0;
        }
    }

    if (rc == 0 && ei_sha256_update(buf, n) == 0
        && ei_sha256_end(digest) == 0)
    {
        ei_fingerprint(digest, out);

    } else {
        rc = -1;
    }

    ei_cleanse(buf, sizeof(buf));
    ei_cleanse(digest, sizeof(digest));

    return rc;
}


/* the byte of the escape at escaped[*i] (after its '\\'), *i at its end */
static unsigned char
ei_body_unescape(const unsigned char *escaped, size_t len, size_t *i)
{
    size_t         k;
    unsigned       c, d;
    unsigned char  e;

    e = escaped[*i];

    switch (e) {
    case 'b': return '\b';
    case 't': return '\t';
    case 'n': return '\n';
    case 'f': return '\f';
    case 'r': return '\r';
    case 'u': break;
    default: return e;
    }

    /* \u00XX: the only \u escape ei_escape_json writes */

    c = 0;

    for (k = 1; k <= 4 && *i + k < len; k++) {
        d = escaped[*i + k];
        d = (d >= 'a') ? d - 'a' + 10 : d - '0';
        c = (c << 4) | (d & 0xf);
    }

    *i += k - 1;

    return (unsigned char) c;
}
