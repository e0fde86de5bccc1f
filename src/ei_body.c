/*
 * The AddHmacKeyRequest body (SPEC section 4 steps 7-10): strict JSON, the
 * schema, the key rules, and the canonical form forwarded upstream.
 *
 * The cost of a body is bounded (SPEC section 10): a cheap pass counts the
 * JSON values before jansson builds them, and jansson allocates from an
 * arena that is cleansed and reset once per body instead of block by block.
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE             /* memmem() */
#endif

#include <malloc.h>             /* malloc_usable_size(), glibc and musl */
#include <stdint.h>
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

/* unknown members named in the error, and bytes shown of each name */
#define EI_BODY_UNKNOWN_SHOWN  5
#define EI_BODY_UNKNOWN_BYTES  64

/* a shown name this long that is part of the hmacKey is not shown */
#define EI_BODY_KEY_PART_MIN   8

/* the escaped form of a shown name: 6 bytes at most for each byte */
#define EI_BODY_SHOWN_MAX      (EI_BODY_UNKNOWN_BYTES * 6)

#define EI_ARENA_ALIGN         16
#define EI_ARENA_CHUNK         (64 * 1024)

/* chunks kept for the next body; more is given back after each */
#define EI_ARENA_KEEP          (256 * 1024)


typedef struct {
    const char  *name;          /* the schema's spelling */
    size_t       len;
    const char  *lower;         /* compared with folded member names */
    int          types;         /* mask of accepted json_type values */
    const char  *type_error;    /* "<name> must be <type>" */
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


/* the first unknown members of a body, in member order, and their count */
typedef struct {
    size_t       n;
    const char  *name[EI_BODY_UNKNOWN_SHOWN];
    size_t       len[EI_BODY_UNKNOWN_SHOWN];
} ei_body_unknown_t;


/*
 * The arena: chunks from malloc, each handing out blocks by bumping
 * "used"; nothing is freed block by block.  The data of a chunk follows its
 * header, aligned.
 */
typedef struct ei_arena_chunk_s  ei_arena_chunk_t;

struct ei_arena_chunk_s {
    ei_arena_chunk_t  *next;
    size_t             size;    /* bytes of data */
    size_t             used;
};

#define EI_ARENA_HEADER                                                      \
    ((sizeof(ei_arena_chunk_t) + EI_ARENA_ALIGN - 1)                         \
     & ~((size_t) EI_ARENA_ALIGN - 1))

#define ei_arena_data(c)  ((unsigned char *) (c) + EI_ARENA_HEADER)

#define ei_body_put_lit(p, end, lit)  ei_body_put(p, end, lit, sizeof(lit) - 1)


typedef struct {
    ei_arena_chunk_t  *chunks;
    ei_arena_chunk_t  *current;
    size_t             taken;   /* bytes handed out during this parse */
    size_t             limit;   /* 0: none */
    int                active;  /* a parse is under way */
    int                failed;  /* a block could not be had */
} ei_arena_t;


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
static size_t ei_body_count_values(const unsigned char *p, size_t len);
static size_t ei_body_skip_space(const unsigned char *p, size_t i,
    size_t len);
static size_t ei_body_skip_string(const unsigned char *p, size_t i,
    size_t len);
static ei_reason_t ei_body_at(ei_verdict_t *v, const unsigned char *body,
    size_t off, const char *text, size_t text_len);
static ei_reason_t ei_body_json_error(const json_error_t *err,
    ei_verdict_t *v);
static void ei_body_position(ei_verdict_t *v, long line, long column);
static ei_reason_t ei_body_failed(ei_verdict_t *v);
static int ei_body_schema(json_t *root, const ei_body_policy_t *policy,
    json_t *values[EI_BODY_NFIELDS], int *name_ok, ei_verdict_t *v);
static void ei_body_members(json_t *root, json_t *values[EI_BODY_NFIELDS],
    int wrong_case[EI_BODY_NFIELDS], ei_body_unknown_t *unknown);
static int ei_body_field(const char *key, size_t len);
static int ei_body_case_variant(const char *key, size_t len);
static int ei_body_fold_eq(const unsigned char *key, size_t len,
    const char *lower);
static void ei_body_name_rules(const unsigned char *name, size_t len,
    size_t max, int *nerr, ei_verdict_t *v);
static unsigned long ei_body_utf8(const unsigned char *p, size_t len,
    size_t *n);
static int ei_body_white_space(unsigned long c);
static void ei_body_unknown_error(json_t *root, const ei_body_unknown_t *u,
    int *nerr, ei_verdict_t *v);
static void ei_body_show_name(json_t *root, const char *name, size_t len,
    ei_verdict_t *v);
static int ei_body_like_key(json_t *root, const char *shown, size_t len);
static int ei_body_overlap(const char *shown, size_t len, const char *key,
    size_t klen);
static size_t ei_body_escape_name(char *out, const unsigned char *s,
    size_t len);
static void ei_body_schema_error(ei_verdict_t *v, int *nerr,
    const char *text, size_t len);
static void ei_body_keep_name(ei_body_result_t *res, unsigned char *out,
    const unsigned char *name, size_t len);
static unsigned char *ei_body_escape(unsigned char *p, unsigned char *end,
    const unsigned char *s, size_t len);
static void *ei_body_malloc(size_t size);
static void ei_body_free(void *p);
static void *ei_arena_alloc(size_t size);
static int ei_arena_owns(const void *p);
static void ei_arena_reset(void);
static void ei_body_unload(void)
#if defined(__GNUC__)
    __attribute__((destructor))
#endif
    ;


/* the schema, in the order of the AddHmacKeyRequest document */
static const ei_body_field_t  ei_body_fields[EI_BODY_NFIELDS] = {
    { "name", 4, "name", EI_BODY_TYPE_STRING, "name must be a string" },
    { "hmacKey", 7, "hmackey", EI_BODY_TYPE_STRING,
      "hmacKey must be a string" },
    { "isDevelopmentKey", 16, "isdevelopmentkey", EI_BODY_TYPE_BOOLEAN,
      "isDevelopmentKey must be a boolean" },
};


/*
 * Our own words for jansson's error codes: jansson's text quotes up to 20
 * bytes of the input around the error, which may be part of the hmacKey.
 * Out of memory is not here: it is an internal error, not the client's.
 */
static const char  *ei_body_json_errors[] = {
    [json_error_unknown] = "the body could not be parsed",
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


/* the bytes JSON requires to be escaped in a string */
static const unsigned char  ei_body_needs_escape[256] = {
    [0x00] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    [0x10] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['"'] = 1, ['\\'] = 1,
};


/* JSON's escapes of control characters that have a short form */
static const char  ei_body_short_escapes[0x20] = {
    ['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n', ['\f'] = 'f', ['\r'] = 'r',
};


/* the bytes the value count tells apart; 0 is any other byte */
enum {
    EI_BODY_C_OTHER = 0,
    EI_BODY_C_SPACE,
    EI_BODY_C_OPEN,
    EI_BODY_C_CLOSE,
    EI_BODY_C_COLON,
    EI_BODY_C_COMMA,
    EI_BODY_C_QUOTE
};

static const unsigned char  ei_body_class[256] = {
    [' '] = EI_BODY_C_SPACE, ['\t'] = EI_BODY_C_SPACE,
    ['\n'] = EI_BODY_C_SPACE, ['\r'] = EI_BODY_C_SPACE,
    ['{'] = EI_BODY_C_OPEN, ['['] = EI_BODY_C_OPEN,
    ['}'] = EI_BODY_C_CLOSE, [']'] = EI_BODY_C_CLOSE,
    [':'] = EI_BODY_C_COLON, [','] = EI_BODY_C_COMMA,
    ['"'] = EI_BODY_C_QUOTE,
};


/* one arena for the process: nginx workers run one request at a time */
static ei_arena_t  ei_arena;


void
ei_body_init(void)
{
    /*
     * jansson copies every string it parses, the hmacKey included, into
     * blocks from its allocator (the lexer's token buffer, the value, the
     * strbuffer that grows while a string is read), and frees them without
     * clearing them.  During ei_body_check its blocks come from the arena,
     * which is cleansed once when the body has been checked; at any other
     * time (the upstream's answers, other users of jansson in the process)
     * from malloc, cleansed before they are freed.  The hooks are global to
     * the process, so they must never point at request pools.
     */
    json_set_alloc_funcs(ei_body_malloc, ei_body_free);

    /* seed the hash of object keys now, not inside the first request */
    json_object_seed(0);
}


void
ei_body_set_parse_memory(size_t max)
{
    ei_arena.limit = max;
}


int
ei_body_arena_holds(const unsigned char *bytes, size_t len)
{
    ei_arena_chunk_t  *c;

    for (c = ei_arena.chunks; c; c = c->next) {
        if (memmem(ei_arena_data(c), c->size, bytes, len) != NULL) {
            return 1;
        }
    }

    return 0;
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
    int            own;
    json_t        *root;
    ei_reason_t    rc;
    json_malloc_t  m;
    json_free_t    f;

    memset(res, 0, sizeof(ei_body_result_t));

    if (len > (((size_t) -1) - 64) / 2 || out_cap < ei_body_out_size(len)) {
        return ei_body_failed(v);
    }

    /*
     * With our hooks installed (ei_body_init), every block of the parse is
     * in the arena and the tree goes with it; otherwise jansson's blocks
     * come from elsewhere and the tree is freed as usual.
     */

    json_get_alloc_funcs(&m, &f);
    own = (m == ei_body_malloc);

    if (own) {
        ei_arena.active = 1;
        ei_arena.failed = 0;
        ei_arena.taken = 0;
    }

    root = NULL;
    rc = ei_body_parse(body, len, &root, v);

    if (own && ei_arena.failed) {
        /* a block jansson asked for could not be had: its verdict is moot */
        rc = ei_body_failed(v);
    }

    if (rc == EI_OK) {
        rc = ei_body_verdict(root, policy, len, out, out_cap, res, v);
    }

    if (own) {
        /* the tree is in the arena: no walk to free it block by block */
        ei_arena_reset();

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
    json_t               *values[EI_BODY_NFIELDS];
    ei_reason_t           rc;
    const unsigned char  *name, *key;

    if (ei_body_schema(root, policy, values, &name_ok, v) != 0) {
        if (name_ok) {
            ei_body_keep_name(res, out,
                (const unsigned char *) json_string_value(values[EI_BODY_NAME]),
                json_string_length(values[EI_BODY_NAME]));
        }

        return EI_REJECT_SCHEMA;
    }

    name = (const unsigned char *) json_string_value(values[EI_BODY_NAME]);
    name_len = json_string_length(values[EI_BODY_NAME]);
    key = (const unsigned char *) json_string_value(values[EI_BODY_KEY]);
    key_len = json_string_length(values[EI_BODY_KEY]);

    res->dev_key = json_is_true(values[EI_BODY_DEV]);

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
    int            listed;
    unsigned       bits;
    ei_reason_t    rc;
    unsigned char  digest[EI_SHA256_LEN];

    bits = 0;
    rc = ei_strength_check(key, key_len, &policy->strength, &bits, v);
    res->key_bits = bits;

    if (rc != EI_OK) {
        return rc;
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

    if (res->dev_key && !policy->allow_dev_keys) {
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
    p = ei_body_escape(p, end, name, name_len);
    p = ei_body_put_lit(p, end, "\",\"hmacKey\":\"");
    p = ei_body_escape(p, end, key, key_len);

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

    for (i = 0; i < len && ei_body_class[body[i]] == EI_BODY_C_SPACE; i++) {
        /* void */
    }

    if (i < len && body[i] != '{') {
        return ei_body_at(v, body, i, "body must be a JSON object",
                          sizeof("body must be a JSON object") - 1);
    }

    /*
     * jansson parses only the bytes before the value that is one too many,
     * so that no body costs more than EI_BODY_MAX_VALUES values.  Up to
     * there jansson reads exactly what it would read of the whole body, so
     * an error it finds before that point is its own verdict, unchanged;
     * if it finds none, it runs out of input just there.
     */

    cut = ei_body_count_values(body, len);

    /* the code of an error is kept in text[], which jansson may not set */
    memset(&err, 0, sizeof(json_error_t));

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
        rc = ei_body_at(v, body, cut, "invalid JSON: too many values",
                        sizeof("invalid JSON: too many values") - 1);

    } else if (*root != NULL) {
        /* not reached: the body opens with '{' */
        rc = ei_body_at(v, body, i, "body must be a JSON object",
                        sizeof("body must be a JSON object") - 1);

    } else {
        rc = ei_body_json_error(&err, v);
    }

    /* jansson's text may quote part of the key */
    ei_cleanse(&err, sizeof(json_error_t));

    return rc;
}


/*
 * Counts the values of the top-level value the way a JSON parser sees them
 * (an object, an array, a string that is not a member name, a number,
 * true, false, null), checking nothing else; returns the offset at which
 * value EI_BODY_MAX_VALUES + 1 starts, or len when there are no more than
 * that.  Whatever follows the top-level value is jansson's to refuse.
 */
static size_t
ei_body_count_values(const unsigned char *p, size_t len)
{
    int            name_next;
    size_t         i, n, depth;
    unsigned char  in_object[EI_BODY_MAX_VALUES + 1];

    /*
     * Every container is a value, so the depth never passes the count:
     * in_object[] cannot overflow.
     */

    n = 0;
    depth = 0;
    name_next = 0;

    for (i = 0; i < len; i++) {

        switch (ei_body_class[p[i]]) {

        case EI_BODY_C_SPACE:
            i = ei_body_skip_space(p, i + 1, len) - 1;
            continue;

        case EI_BODY_C_OPEN:
            if (n++ == EI_BODY_MAX_VALUES) {
                return i;
            }

            name_next = (p[i] == '{');
            in_object[depth++] = (unsigned char) name_next;
            break;

        case EI_BODY_C_CLOSE:
            if (depth <= 1) {
                return len;
            }

            depth--;
            name_next = 0;
            break;

        case EI_BODY_C_COLON:
            name_next = 0;
            break;

        case EI_BODY_C_COMMA:
            name_next = (depth > 0 && in_object[depth - 1]);
            break;

        case EI_BODY_C_QUOTE:
            if (!name_next && n++ == EI_BODY_MAX_VALUES) {
                return i;
            }

            name_next = 0;
            i = ei_body_skip_string(p, i + 1, len);

            if (depth == 0) {
                return len;
            }

            break;

        default:
            /* a number, a literal, or a token jansson will refuse */

            if (n++ == EI_BODY_MAX_VALUES) {
                return i;
            }

            name_next = 0;

            while (i + 1 < len && ei_body_class[p[i + 1]] == EI_BODY_C_OTHER) {
                i++;
            }

            if (depth == 0) {
                return len;
            }
        }
    }

    return len;
}


/*
 * The offset of the first byte from i on that is not JSON white space.
 * Runs of spaces, the usual padding, go eight bytes at a time.
 */
static size_t
ei_body_skip_space(const unsigned char *p, size_t i, size_t len)
{
    uint64_t  w;

    while (len - i >= 8) {
        memcpy(&w, p + i, 8);

        if (w != 0x2020202020202020ULL) {
            break;
        }

        i += 8;
    }

    while (i < len && ei_body_class[p[i]] == EI_BODY_C_SPACE) {
        i++;
    }

    return i;
}


/*
 * The offset of the quote that closes the string whose content starts at
 * i (len when there is none): the next quote not escaped, that is, not
 * after an odd run of backslashes.  memchr() goes through most of a
 * string at a fraction of an instruction a byte; each backslash is looked
 * at again at most once, from the quote right after its run.
 */
static size_t
ei_body_skip_string(const unsigned char *p, size_t i, size_t len)
{
    size_t                q, k;
    const unsigned char  *hit;

    while (i < len) {
        hit = memchr(p + i, '"', len - i);
        if (hit == NULL) {
            return len;
        }

        q = (size_t) (hit - p);

        for (k = q; k > i && p[k - 1] == '\\'; k--) {
            /* void */
        }

        if ((q - k) % 2 == 0) {
            return q;
        }

        i = q + 1;
    }

    return len;
}


/*
 * Sets a JSON verdict whose position is the character at body[off], counted
 * as jansson counts: lines from 1, and in a line the characters (UTF-8
 * lead bytes and ASCII) from 1; whatever byte is at off is one.
 */
static ei_reason_t
ei_body_at(ei_verdict_t *v, const unsigned char *body, size_t off,
    const char *text, size_t text_len)
{
    long           line, column;
    size_t         i;
    unsigned char  c;

    line = 1;
    column = 0;

    for (i = 0; i < off; i++) {
        c = body[i];

        if (c == '\n') {
            line++;
            column = 0;

        } else if (c < 0x80 || (c >= 0xc2 && c <= 0xf4)) {
            column++;
        }
    }

    ei_verdict_text(v, EI_REJECT_JSON, text, text_len);
    ei_body_position(v, line, column + 1);

    return EI_REJECT_JSON;
}


static ei_reason_t
ei_body_json_error(const json_error_t *err, ei_verdict_t *v)
{
    size_t       i;
    const char  *text;
    unsigned     code;

    code = (unsigned) json_error_code(err);

    /*
     * jansson sets no position when it fails outside its lexer: it could
     * not allocate (its lexer or a value); not the client's doing.
     */

    if (code == json_error_out_of_memory || err->line < 1 || err->column < 0) {
        return ei_body_failed(v);
    }

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

    ei_verdict_text(v, EI_REJECT_JSON, "invalid JSON: ",
                    sizeof("invalid JSON: ") - 1);
    ei_verdict_cat(v, text, strlen(text));
    ei_body_position(v, err->line, err->column);

    return EI_REJECT_JSON;
}


static void
ei_body_position(ei_verdict_t *v, long line, long column)
{
    ei_verdict_cat_lit(v, " at line ");
    ei_verdict_cat_uint(v, (size_t) line);
    ei_verdict_cat_lit(v, ", column ");
    ei_verdict_cat_uint(v, (size_t) column);
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


/*
 * Returns the number of schema errors, all in v in schema order; values
 * receives the members of the schema's own spelling (NULL when absent),
 * *name_ok whether the name passed its rules.
 */
static int
ei_body_schema(json_t *root, const ei_body_policy_t *policy,
    json_t *values[EI_BODY_NFIELDS], int *name_ok, ei_verdict_t *v)
{
    int                 f, nerr, before, wrong_case[EI_BODY_NFIELDS];
    ei_body_unknown_t   unknown;

    *name_ok = 0;

    ei_body_members(root, values, wrong_case, &unknown);

    nerr = 0;
    v->reason = EI_REJECT_SCHEMA;
    v->len = 0;
    v->msg[0] = '\0';

    for (f = 0; f < EI_BODY_NFIELDS; f++) {

        /* the schema's spelling: the client's could be anything */

        if (wrong_case[f]) {
            ei_body_schema_error(v, &nerr, ei_body_fields[f].name,
                                 ei_body_fields[f].len);
            ei_verdict_cat_lit(v, " is spelled with the wrong letter case");
        }

        if (values[f] == NULL) {
            if (!wrong_case[f]) {
                ei_body_schema_error(v, &nerr, ei_body_fields[f].name,
                                     ei_body_fields[f].len);
                ei_verdict_cat_lit(v, " is required");
            }

            continue;
        }

        if (!((1 << json_typeof(values[f])) & ei_body_fields[f].types)) {
            ei_body_schema_error(v, &nerr, ei_body_fields[f].type_error,
                                 strlen(ei_body_fields[f].type_error));
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

    if (unknown.n > 0 && policy->reject_unknown) {
        ei_body_unknown_error(root, &unknown, &nerr, v);
    }

    return nerr;
}


/*
 * Sorts the members: values[] receives those of the schema's spelling
 * (NULL when absent), wrong_case[] which fields have a case variant, and
 * unknown the first unknown names and their count.
 */
static void
ei_body_members(json_t *root, json_t *values[EI_BODY_NFIELDS],
    int wrong_case[EI_BODY_NFIELDS], ei_body_unknown_t *unknown)
{
    int          f;
    void        *it;
    size_t       klen;
    json_t      *value;
    const char  *key;

    unknown->n = 0;

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

        if (unknown->n < EI_BODY_UNKNOWN_SHOWN) {
            unknown->name[unknown->n] = key;
            unknown->len[unknown->n] = klen;
        }

        unknown->n++;
    }
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

        /* a folded character is 2 or 3 bytes: no variant is longer */

        if (len >= ei_body_fields[f].len && len <= 3 * ei_body_fields[f].len
            && ei_body_fold_eq((const unsigned char *) key, len,
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


/*
 * Names are shown in Studio's lists: nothing that is not there to see
 * (control characters, C0, DEL and C1), nothing that reorders what is
 * around it (bidirectional embeddings, overrides and isolates), and not
 * only white space (Unicode's White_Space, ASCII included).
 */
static void
ei_body_name_rules(const unsigned char *name, size_t len, size_t max,
    int *nerr, ei_verdict_t *v)
{
    int            blank, control, bidi;
    size_t         i, n;
    unsigned long  c;

    if (len == 0) {
        ei_body_schema_error(v, nerr, "name must not be empty",
                             sizeof("name must not be empty") - 1);
        return;
    }

    if (len > max) {
        ei_body_schema_error(v, nerr, "name must be at most ",
                             sizeof("name must be at most ") - 1);
        ei_verdict_cat_uint(v, max);
        ei_verdict_cat_lit(v, " bytes");
    }

    blank = 1;
    control = 0;
    bidi = 0;

    for (i = 0; i < len; i += n) {
        c = ei_body_utf8(name + i, len - i, &n);

        blank &= ei_body_white_space(c);
        control |= (c < 0x20 || (c >= 0x7f && c <= 0x9f));
        bidi |= ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069));
    }

    if (blank) {
        ei_body_schema_error(v, nerr, "name must not be only white space",
                             sizeof("name must not be only white space") - 1);
    }

    if (control) {
        ei_body_schema_error(v, nerr,
                             "name must not contain control characters",
                             sizeof("name must not contain control "
                                    "characters") - 1);
    }

    if (bidi) {
        ei_body_schema_error(v, nerr,
                             "name must not contain bidirectional controls",
                             sizeof("name must not contain bidirectional "
                                    "controls") - 1);
    }
}


/*
 * The code point at p, and its length in *n.  jansson has checked the
 * UTF-8; anything else is taken one byte at a time as U+FFFD.
 */
static unsigned long
ei_body_utf8(const unsigned char *p, size_t len, size_t *n)
{
    if (p[0] < 0x80) {
        *n = 1;
        return p[0];
    }

    if (p[0] >= 0xc2 && p[0] <= 0xdf && len >= 2) {
        *n = 2;
        return ((unsigned long) (p[0] & 0x1f) << 6) | (p[1] & 0x3f);
    }

    if (p[0] >= 0xe0 && p[0] <= 0xef && len >= 3) {
        *n = 3;
        return ((unsigned long) (p[0] & 0x0f) << 12)
               | ((unsigned long) (p[1] & 0x3f) << 6) | (p[2] & 0x3f);
    }

    if (p[0] >= 0xf0 && p[0] <= 0xf4 && len >= 4) {
        *n = 4;
        return ((unsigned long) (p[0] & 0x07) << 18)
               | ((unsigned long) (p[1] & 0x3f) << 12)
               | ((unsigned long) (p[2] & 0x3f) << 6) | (p[3] & 0x3f);
    }

    *n = 1;
    return 0xfffd;
}


/* Unicode's White_Space property (PropList.txt) */
static int
ei_body_white_space(unsigned long c)
{
    if (c < 0x80) {
        return c == ' ' || (c >= 0x09 && c <= 0x0d);
    }

    return c == 0x85 || c == 0xa0 || c == 0x1680
           || (c >= 0x2000 && c <= 0x200a)
           || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f
           || c == 0x3000;
}


/*
 * "unknown field "a" is not allowed", "unknown fields "a" and "b" are not
 * allowed", "unknown fields "a", "b", "c", "d", "e" and 3 more are not
 * allowed": the first EI_BODY_UNKNOWN_SHOWN names in member order.
 */
static void
ei_body_unknown_error(json_t *root, const ei_body_unknown_t *u, int *nerr,
    ei_verdict_t *v)
{
    size_t  i, shown;

    shown = (u->n < EI_BODY_UNKNOWN_SHOWN) ? u->n : EI_BODY_UNKNOWN_SHOWN;

    if (u->n == 1) {
        ei_body_schema_error(v, nerr, "unknown field ",
                             sizeof("unknown field ") - 1);

    } else {
        ei_body_schema_error(v, nerr, "unknown fields ",
                             sizeof("unknown fields ") - 1);
    }

    for (i = 0; i < shown; i++) {
        if (i > 0 && i == u->n - 1) {
            ei_verdict_cat_lit(v, " and ");

        } else if (i > 0) {
            ei_verdict_cat_lit(v, ", ");
        }

        ei_body_show_name(root, u->name[i], u->len[i], v);
    }

    if (u->n > shown) {
        ei_verdict_cat_lit(v, " and ");
        ei_verdict_cat_uint(v, u->n - shown);
        ei_verdict_cat_lit(v, " more");
    }

    if (u->n == 1) {
        ei_verdict_cat_lit(v, " is not allowed");

    } else {
        ei_verdict_cat_lit(v, " are not allowed");
    }
}


/*
 * A member name as the client would write it in JSON, quoted, of at most
 * EI_BODY_UNKNOWN_BYTES bytes (then "..." after the quote), or "(name not
 * shown)" when what would be shown holds the hmacKey, or a part of it, so
 * that no error text (and no log of it) ever quotes the key.
 */
static void
ei_body_show_name(json_t *root, const char *name, size_t len,
    ei_verdict_t *v)
{
    int     cut;
    char    escaped[EI_BODY_SHOWN_MAX];
    size_t  n;

    cut = 0;

    if (len > EI_BODY_UNKNOWN_BYTES) {
        /* whole characters only: jansson has checked the UTF-8 */

        for (len = EI_BODY_UNKNOWN_BYTES;
             len > 0 && ((unsigned char) name[len] & 0xc0) == 0x80;
             len--)
        {
            /* void */
        }

        cut = 1;
    }

    n = ei_body_escape_name(escaped, (const unsigned char *) name, len);

    if (ei_body_like_key(root, name, len)
        || (n != len && ei_body_like_key(root, escaped, n)))
    {
        ei_verdict_cat_lit(v, "(name not shown)");
        return;
    }

    ei_verdict_cat_lit(v, "\"");
    ei_verdict_cat(v, escaped, n);
    ei_verdict_cat_lit(v, "\"");

    if (cut) {
        ei_verdict_cat_lit(v, "...");
    }
}


/*
 * 1 when the string value of hmacKey, or of a case variant of it, occurs
 * in shown, or shown (of at least EI_BODY_KEY_PART_MIN bytes) in it.  Both
 * the name and its escaped form are looked at: either is what a reader
 * sees.
 */
static int
ei_body_like_key(json_t *root, const char *shown, size_t len)
{
    void        *it;
    size_t       klen;
    json_t      *value;
    const char  *key, *name;

    for (it = json_object_iter(root); it; it = json_object_iter_next(root, it))
    {
        name = json_object_iter_key(it);
        value = json_object_iter_value(it);

        if (!json_is_string(value)
            || ei_body_case_variant(name, json_object_iter_key_len(it))
               != EI_BODY_KEY)
        {
            continue;
        }

        key = json_string_value(value);
        klen = json_string_length(value);

        if (ei_body_overlap(shown, len, key, klen)) {
            return 1;
        }
    }

    return 0;
}


static int
ei_body_overlap(const char *shown, size_t len, const char *key, size_t klen)
{
    if (klen == 0) {
        return 0;
    }

    if (klen <= len && memmem(shown, len, key, klen) != NULL) {
        return 1;
    }

    return len >= EI_BODY_KEY_PART_MIN && len <= klen
           && memmem(key, klen, shown, len) != NULL;
}


/*
 * JSON's escapes of '"', '\' and control characters, and \u escapes of
 * DEL, the C1 controls, the bidirectional controls and the line and
 * paragraph separators, which would otherwise act on a log or a terminal
 * that shows the text.  out holds 6 bytes for each byte of s.
 */
static size_t
ei_body_escape_name(char *out, const unsigned char *s, size_t len)
{
    static const char  hex[] = "0123456789abcdef";
    size_t             i, n, k, o;
    unsigned long      c;

    o = 0;

    for (i = 0; i < len; i += n) {
        c = ei_body_utf8(s + i, len - i, &n);

        if (c == '"' || c == '\\') {
            out[o++] = '\\';
            out[o++] = (char) c;
            continue;
        }

        if (c < 0x20 && ei_body_short_escapes[c]) {
            out[o++] = '\\';
            out[o++] = ei_body_short_escapes[c];
            continue;
        }

        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)
            || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        {
            out[o++] = '\\';
            out[o++] = 'u';
            out[o++] = hex[(c >> 12) & 0xf];
            out[o++] = hex[(c >> 8) & 0xf];
            out[o++] = hex[(c >> 4) & 0xf];
            out[o++] = hex[c & 0xf];
            continue;
        }

        for (k = 0; k < n; k++) {
            out[o++] = (char) s[i + k];
        }
    }

    return o;
}


/* starts one error of the schema: "; " between errors */
static void
ei_body_schema_error(ei_verdict_t *v, int *nerr, const char *text,
    size_t len)
{
    if (v->len > 0) {
        ei_verdict_cat_lit(v, "; ");
    }

    ei_verdict_cat(v, text, len);
    (*nerr)++;
}


/* the name of a refused body, for $ei_hmac_key_name and the log */
static void
ei_body_keep_name(ei_body_result_t *res, unsigned char *out,
    const unsigned char *name, size_t len)
{
    memcpy(out, name, len);
    res->name = out;
    res->name_len = len;
}


/*
 * Only what JSON requires is escaped: '"', '\' and control characters, the
 * last never met once the rules on name and key have passed.  Returns NULL
 * when p is NULL or end would be passed.
 */
static unsigned char *
ei_body_escape(unsigned char *p, unsigned char *end, const unsigned char *s,
    size_t len)
{
    static const char  hex[] = "0123456789abcdef";
    size_t             i, run;

    if (p == NULL) {
        return NULL;
    }

    for (i = 0; i < len; i++) {

        /* the bytes written as they are, at once */

        for (run = i; run < len && !ei_body_needs_escape[s[run]]; run++) {
            /* void */
        }

        if (run > i) {
            if ((size_t) (end - p) < run - i) {
                return NULL;
            }

            memcpy(p, s + i, run - i);
            p += run - i;
            i = run;

            if (i == len) {
                break;
            }
        }

        if (end - p < 6) {
            return NULL;
        }

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
        }
    }

    return p;
}


/* jansson's allocator: the arena during a parse, malloc otherwise */

static void *
ei_body_malloc(size_t size)
{
    void              *p;
    size_t             rounded;
    ei_arena_chunk_t  *c;

    if (!ei_arena.active) {
        return malloc(size);
    }

    /* most blocks fit the chunk in use: bumped here, the rest below */

    c = ei_arena.current;
    rounded = (size + EI_ARENA_ALIGN - 1) & ~((size_t) EI_ARENA_ALIGN - 1);

    if (c != NULL && ei_arena.limit == 0 && size - 1 < EI_ARENA_CHUNK
        && rounded <= c->size - c->used)
    {
        p = ei_arena_data(c) + c->used;
        c->used += rounded;
        ei_arena.taken += rounded;

        return p;
    }

    return ei_arena_alloc(size);
}


static void
ei_body_free(void *p)
{
    if (p == NULL || ei_arena_owns(p)) {
        /* a block of the arena is cleansed with the arena */
        return;
    }

    OPENSSL_cleanse(p, malloc_usable_size(p));
    free(p);
}


static void *
ei_arena_alloc(size_t size)
{
    void              *p;
    size_t             chunk;
    ei_arena_chunk_t  *c, **next;

    if (size > ((size_t) -1) / 2 || ei_arena.failed) {
        ei_arena.failed = 1;
        return NULL;
    }

    size = (size == 0) ? EI_ARENA_ALIGN
                       : (size + EI_ARENA_ALIGN - 1)
                         & ~((size_t) EI_ARENA_ALIGN - 1);

    if (ei_arena.limit && size > ei_arena.limit - ei_arena.taken) {
        ei_arena.failed = 1;
        return NULL;
    }

    /* the chunk in use, else a later one with room, else a new one */

    for (c = ei_arena.current; c; c = c->next) {
        if (c->size - c->used >= size) {
            break;
        }
    }

    if (c == NULL) {
        chunk = (size > EI_ARENA_CHUNK) ? size : EI_ARENA_CHUNK;

        c = malloc(EI_ARENA_HEADER + chunk);
        if (c == NULL) {
            ei_arena.failed = 1;
            return NULL;
        }

        c->next = NULL;
        c->size = chunk;
        c->used = 0;

        for (next = &ei_arena.chunks; *next; next = &(*next)->next) {
            /* void */
        }

        *next = c;

        if (ei_arena.current == NULL) {
            ei_arena.current = c;
        }
    }

    p = ei_arena_data(c) + c->used;
    c->used += size;
    ei_arena.taken += size;

    /* a chunk too full for most blocks is passed over from now on */

    while (ei_arena.current->next
           && ei_arena.current->size - ei_arena.current->used
              < EI_ARENA_CHUNK / 16)
    {
        ei_arena.current = ei_arena.current->next;
    }

    return p;
}


static int
ei_arena_owns(const void *p)
{
    const unsigned char     *b;
    const ei_arena_chunk_t  *c;

    b = p;

    for (c = ei_arena.chunks; c; c = c->next) {
        if (b >= ei_arena_data(c) && b < ei_arena_data(c) + c->size) {
            return 1;
        }
    }

    return 0;
}


/*
 * The end of a parse: every byte handed out is cleansed, once, and the
 * chunks are kept for the next body, up to EI_ARENA_KEEP bytes.
 */
static void
ei_arena_reset(void)
{
    size_t             kept;
    ei_arena_chunk_t  *c, *next, **link;

    kept = 0;
    link = &ei_arena.chunks;

    for (c = ei_arena.chunks; c; c = next) {
        next = c->next;

        if (c->used) {
            OPENSSL_cleanse(ei_arena_data(c), c->used);
            c->used = 0;
        }

        if (kept + c->size > EI_ARENA_KEEP) {
            *link = next;
            free(c);
            continue;
        }

        kept += c->size;
        link = &c->next;
    }

    ei_arena.current = ei_arena.chunks;
    ei_arena.active = 0;
    ei_arena.taken = 0;
}


/*
 * nginx unloads the module (dlclose) when the cycle that loaded it ends:
 * the arena's chunks are given back, and jansson, which stays loaded for
 * whoever else uses it, no longer calls into code that is gone.
 */
static void
ei_body_unload(void)
{
    json_malloc_t      m;
    json_free_t        f;
    ei_arena_chunk_t  *c, *next;

    json_get_alloc_funcs(&m, &f);

    if (m == ei_body_malloc) {
        json_set_alloc_funcs(malloc, free);
    }

    for (c = ei_arena.chunks; c; c = next) {
        next = c->next;
        free(c);
    }

    ei_arena.chunks = NULL;
    ei_arena.current = NULL;
}
