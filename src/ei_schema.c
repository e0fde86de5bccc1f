/*
 * The schema of AddHmacKeyRequest on the tree jansson built: each error
 * names its field and rule, all of them in one message.
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE             /* memmem() */
#endif

#include <string.h>

#include "ei_escape.h"
#include "ei_schema.h"


#define EI_SCHEMA_TYPE_STRING   (1 << JSON_STRING)
#define EI_SCHEMA_TYPE_BOOLEAN  ((1 << JSON_TRUE) | (1 << JSON_FALSE))

/* unknown members named in the error, and bytes shown of each name */
#define EI_SCHEMA_UNKNOWN_SHOWN  5
#define EI_SCHEMA_UNKNOWN_BYTES  64

/* a shown name this long that is part of the hmacKey is not shown */
#define EI_SCHEMA_KEY_PART_MIN   8

/* the escaped form of a shown name: 6 bytes at most for each byte */
#define EI_SCHEMA_SHOWN_MAX      (EI_SCHEMA_UNKNOWN_BYTES * 6)

typedef struct {
    const char  *name;          /* the schema's spelling */
    size_t       len;
    const char  *lower;         /* compared with folded member names */
    int          types;         /* mask of accepted json_type values */
    const char  *type_error;    /* "<name> must be <type>" */
} ei_schema_field_t;


typedef struct {
    const char  *seq;           /* UTF-8 of a non-ASCII character */
    size_t       len;
    char         folded;        /* the ASCII letter it folds to */
} ei_schema_fold_t;


/* the first unknown members of a body, in member order, and their count */
typedef struct {
    size_t       n;
    const char  *name[EI_SCHEMA_UNKNOWN_SHOWN];
    size_t       len[EI_SCHEMA_UNKNOWN_SHOWN];
} ei_schema_unknown_t;


static void ei_schema_members(json_t *root,
    json_t *values[EI_SCHEMA_NFIELDS], int wrong_case[EI_SCHEMA_NFIELDS],
    ei_schema_unknown_t *unknown);
static int ei_schema_field(const char *key, size_t len);
static int ei_schema_case_variant(const char *key, size_t len);
static int ei_schema_fold_eq(const unsigned char *key, size_t len,
    const char *lower);
static void ei_schema_name_rules(const unsigned char *name, size_t len,
    size_t max, int *nerr, ei_verdict_t *v);
static unsigned ei_schema_class(unsigned long c);
static void ei_schema_unknown_error(json_t *root,
    const ei_schema_unknown_t *u, int *nerr, ei_verdict_t *v);
static void ei_schema_show_name(json_t *root, const char *name, size_t len,
    ei_verdict_t *v);
static int ei_schema_like_key(json_t *root, const char *shown, size_t len);
static int ei_schema_overlap(const char *shown, size_t len, const char *key,
    size_t klen);
static void ei_schema_error(ei_verdict_t *v, int *nerr, const char *text,
    size_t len);


/* what the rules on the name see in a character (ei_schema_class) */
#define EI_SCHEMA_BLANK    1        /* white space */
#define EI_SCHEMA_CONTROL  2
#define EI_SCHEMA_BIDI     4        /* a bidirectional control */

#define EI_SCHEMA_C        EI_SCHEMA_CONTROL
#define EI_SCHEMA_BC       (EI_SCHEMA_BLANK | EI_SCHEMA_CONTROL)

/* the same of ASCII, none of which is a bidirectional control */
static const unsigned char  ei_schema_ascii[0x80] = {
    [0x00] = EI_SCHEMA_C, EI_SCHEMA_C, EI_SCHEMA_C, EI_SCHEMA_C, EI_SCHEMA_C,
    EI_SCHEMA_C, EI_SCHEMA_C, EI_SCHEMA_C, EI_SCHEMA_C,
    [0x09] = EI_SCHEMA_BC, EI_SCHEMA_BC, EI_SCHEMA_BC, EI_SCHEMA_BC,
    EI_SCHEMA_BC,
    [0x0e] = EI_SCHEMA_C, EI_SCHEMA_C,
    [0x10] = EI_SCHEMA_C, EI_SCHEMA_C, EI_SCHEMA_C, EI_SCHEMA_C, EI_SCHEMA_C,
    EI_SCHEMA_C, EI_SCHEMA_C, EI_SCHEMA_C, EI_SCHEMA_C, EI_SCHEMA_C,
    EI_SCHEMA_C, EI_SCHEMA_C, EI_SCHEMA_C, EI_SCHEMA_C, EI_SCHEMA_C,
    EI_SCHEMA_C,
    [' '] = EI_SCHEMA_BLANK,
    [0x7f] = EI_SCHEMA_CONTROL,
};


/* the schema, in the order of the AddHmacKeyRequest document */
static const ei_schema_field_t  ei_schema_fields[EI_SCHEMA_NFIELDS] = {
    { "name", 4, "name", EI_SCHEMA_TYPE_STRING, "name must be a string" },
    { "hmacKey", 7, "hmackey", EI_SCHEMA_TYPE_STRING,
      "hmacKey must be a string" },
    { "isDevelopmentKey", 16, "isdevelopmentkey", EI_SCHEMA_TYPE_BOOLEAN,
      "isDevelopmentKey must be a boolean" },
};


/*
 * Non-ASCII characters that case-insensitive matchers of common runtimes
 * (Java's equalsIgnoreCase, .NET's OrdinalIgnoreCase) take for ASCII letters
 * of our field names: KELVIN SIGN for 'k', DOTLESS I for 'i', LONG S for 's'.
 */
static const ei_schema_fold_t  ei_schema_folds[] = {
    { "\xe2\x84\xaa", 3, 'k' },
    { "\xc4\xb1", 2, 'i' },
    { "\xc5\xbf", 2, 's' },
};

int
ei_schema_check(json_t *root, const ei_body_policy_t *policy,
    json_t *values[EI_SCHEMA_NFIELDS], int *name_ok, ei_verdict_t *v)
{
    int                  f, nerr, before, wrong_case[EI_SCHEMA_NFIELDS];
    ei_schema_unknown_t  unknown;

    *name_ok = 0;

    ei_schema_members(root, values, wrong_case, &unknown);

    nerr = 0;
    v->reason = EI_REJECT_SCHEMA;
    v->len = 0;
    v->msg[0] = '\0';

    for (f = 0; f < EI_SCHEMA_NFIELDS; f++) {

        /* the schema's spelling: the client's could be anything */

        if (wrong_case[f]) {
            ei_schema_error(v, &nerr, ei_schema_fields[f].name,
                            ei_schema_fields[f].len);
            ei_verdict_cat_lit(v, " is spelled with the wrong letter case");
        }

        if (values[f] == NULL) {
            if (!wrong_case[f]) {
                ei_schema_error(v, &nerr, ei_schema_fields[f].name,
                                ei_schema_fields[f].len);
                ei_verdict_cat_lit(v, " is required");
            }

            continue;
        }

        if (!((1 << json_typeof(values[f])) & ei_schema_fields[f].types)) {
            ei_schema_error(v, &nerr, ei_schema_fields[f].type_error,
                            strlen(ei_schema_fields[f].type_error));
            continue;
        }

        if (f == EI_SCHEMA_NAME) {
            before = nerr;

            ei_schema_name_rules(
                (const unsigned char *) json_string_value(values[f]),
                json_string_length(values[f]), policy->name_max_length,
                &nerr, v);

            *name_ok = (nerr == before);
        }
    }

    if (unknown.n > 0 && policy->reject_unknown) {
        ei_schema_unknown_error(root, &unknown, &nerr, v);
    }

    return nerr;
}


/*
 * Sorts the members: values[] receives those of the schema's spelling
 * (NULL when absent), wrong_case[] which fields have a case variant, and
 * unknown the first unknown names and their count.
 */
static void
ei_schema_members(json_t *root, json_t *values[EI_SCHEMA_NFIELDS],
    int wrong_case[EI_SCHEMA_NFIELDS], ei_schema_unknown_t *unknown)
{
    int          f;
    void        *it;
    size_t       klen;
    const char  *key;

    unknown->n = 0;

    for (f = 0; f < EI_SCHEMA_NFIELDS; f++) {
        values[f] = NULL;
        wrong_case[f] = 0;
    }

    for (it = json_object_iter(root); it; it = json_object_iter_next(root, it))
    {
        key = json_object_iter_key(it);
        klen = json_object_iter_key_len(it);

        /* the value of a member that is not a field is never looked at */

        f = ei_schema_field(key, klen);
        if (f >= 0) {
            values[f] = json_object_iter_value(it);
            continue;
        }

        /*
         * Refused even when unknown fields are dropped: an upstream that
         * matches names without regard to case could take "HMACKEY" for
         * the key we did not check.
         */

        f = ei_schema_case_variant(key, klen);
        if (f >= 0) {
            wrong_case[f] = 1;
            continue;
        }

        if (unknown->n < EI_SCHEMA_UNKNOWN_SHOWN) {
            unknown->name[unknown->n] = key;
            unknown->len[unknown->n] = klen;
        }

        unknown->n++;
    }
}


static int
ei_schema_field(const char *key, size_t len)
{
    int  f;

    for (f = 0; f < EI_SCHEMA_NFIELDS; f++) {
        if (len == ei_schema_fields[f].len
            && memcmp(key, ei_schema_fields[f].name, len) == 0)
        {
            return f;
        }
    }

    return -1;
}


static int
ei_schema_case_variant(const char *key, size_t len)
{
    int  f;

    for (f = 0; f < EI_SCHEMA_NFIELDS; f++) {

        /* a folded character is 2 or 3 bytes: no variant is longer */

        if (len >= ei_schema_fields[f].len
            && len <= 3 * ei_schema_fields[f].len
            && ei_schema_fold_eq((const unsigned char *) key, len,
                                 ei_schema_fields[f].lower))
        {
            return f;
        }
    }

    return -1;
}


/* 1 when key, folded to ASCII lowercase, equals lower */
static int
ei_schema_fold_eq(const unsigned char *key, size_t len, const char *lower)
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

        for (k = 0; k < sizeof(ei_schema_folds) / sizeof(ei_schema_fold_t);
             k++)
        {
            if (len - i >= ei_schema_folds[k].len
                && memcmp(key + i, ei_schema_folds[k].seq,
                          ei_schema_folds[k].len)
                   == 0
                && ei_schema_folds[k].folded == lower[j])
            {
                i += ei_schema_folds[k].len;
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
ei_schema_name_rules(const unsigned char *name, size_t len, size_t max,
    int *nerr, ei_verdict_t *v)
{
    size_t         i, n;
    unsigned       k, blank, marks;
    unsigned long  c;

    if (len == 0) {
        ei_schema_error(v, nerr, "name must not be empty",
                        sizeof("name must not be empty") - 1);
        return;
    }

    if (len > max) {
        ei_schema_error(v, nerr, "name must be at most ",
                        sizeof("name must be at most ") - 1);
        ei_verdict_cat_uint(v, max);
        ei_verdict_cat_lit(v, " bytes");
    }

    /* blank: every character so far is white space; marks: any has */

    blank = EI_SCHEMA_BLANK;
    marks = 0;

    for (i = 0; i < len; i += n) {
        c = name[i];
        n = 1;

        if (c >= 0x80) {
            c = ei_utf8_decode(name + i, len - i, &n);
        }

        k = (c < 0x80) ? ei_schema_ascii[c] : ei_schema_class(c);

        blank &= k;
        marks |= k;
    }

    if (blank) {
        ei_schema_error(v, nerr, "name must not be only white space",
                        sizeof("name must not be only white space") - 1);
    }

    if (marks & EI_SCHEMA_CONTROL) {
        ei_schema_error(v, nerr,
                        "name must not contain control characters",
                        sizeof("name must not contain control "
                               "characters") - 1);
    }

    if (marks & EI_SCHEMA_BIDI) {
        ei_schema_error(v, nerr,
                        "name must not contain bidirectional controls",
                        sizeof("name must not contain bidirectional "
                               "controls") - 1);
    }
}


/*
 * What the rules on the name see in a character beyond ASCII: Unicode's
 * White_Space property (PropList.txt), the C1 controls (and DEL), the
 * bidirectional embeddings, overrides and isolates
 */

static unsigned
ei_schema_class(unsigned long c)
{
    unsigned  k;

    k = 0;

    if (c == 0x85 || c == 0xa0 || c == 0x1680
        || (c >= 0x2000 && c <= 0x200a)
        || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f
        || c == 0x3000)
    {
        k |= EI_SCHEMA_BLANK;
    }

    if (c >= 0x7f && c <= 0x9f) {
        k |= EI_SCHEMA_CONTROL;
    }

    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
        k |= EI_SCHEMA_BIDI;
    }

    return k;
}


/*
 * "unknown field "a" is not allowed", "unknown fields "a" and "b" are not
 * allowed", "unknown fields "a", "b", "c", "d", "e" and 3 more are not
 * allowed": the first EI_SCHEMA_UNKNOWN_SHOWN names in member order.
 */
static void
ei_schema_unknown_error(json_t *root, const ei_schema_unknown_t *u, int *nerr,
    ei_verdict_t *v)
{
    size_t  i, shown;

    shown = (u->n < EI_SCHEMA_UNKNOWN_SHOWN) ? u->n : EI_SCHEMA_UNKNOWN_SHOWN;

    if (u->n == 1) {
        ei_schema_error(v, nerr, "unknown field ",
                        sizeof("unknown field ") - 1);

    } else {
        ei_schema_error(v, nerr, "unknown fields ",
                        sizeof("unknown fields ") - 1);
    }

    for (i = 0; i < shown; i++) {
        if (i > 0 && i == u->n - 1) {
            ei_verdict_cat_lit(v, " and ");

        } else if (i > 0) {
            ei_verdict_cat_lit(v, ", ");
        }

        ei_schema_show_name(root, u->name[i], u->len[i], v);
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
 * EI_SCHEMA_UNKNOWN_BYTES bytes (then "..." after the quote), or "(name not
 * shown)" when what would be shown holds the hmacKey, or a part of it, so
 * that no error text (and no log of it) ever quotes the key.
 */
static void
ei_schema_show_name(json_t *root, const char *name, size_t len,
    ei_verdict_t *v)
{
    int     cut;
    char    escaped[EI_SCHEMA_SHOWN_MAX];
    size_t  n;

    cut = 0;

    if (len > EI_SCHEMA_UNKNOWN_BYTES) {
        /* whole characters only: jansson has checked the UTF-8 */

        for (len = EI_SCHEMA_UNKNOWN_BYTES;
             len > 0 && ((unsigned char) name[len] & 0xc0) == 0x80;
             len--)
        {
            /* void */
        }

        cut = 1;
    }

    n = ei_escape_name(escaped, (const unsigned char *) name, len);

    if (ei_schema_like_key(root, name, len)
        || (n != len && ei_schema_like_key(root, escaped, n)))
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
 * in shown, or shown (of at least EI_SCHEMA_KEY_PART_MIN bytes) in it.  Both
 * the name and its escaped form are looked at: either is what a reader
 * sees.
 */
static int
ei_schema_like_key(json_t *root, const char *shown, size_t len)
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
            || ei_schema_case_variant(name, json_object_iter_key_len(it))
               != EI_SCHEMA_KEY)
        {
            continue;
        }

        key = json_string_value(value);
        klen = json_string_length(value);

        if (ei_schema_overlap(shown, len, key, klen)) {
            return 1;
        }
    }

    return 0;
}


static int
ei_schema_overlap(const char *shown, size_t len, const char *key, size_t klen)
{
    if (klen == 0) {
        return 0;
    }

    if (klen <= len && memmem(shown, len, key, klen) != NULL) {
        return 1;
    }

    return len >= EI_SCHEMA_KEY_PART_MIN && len <= klen
           && memmem(key, klen, shown, len) != NULL;
}


/* starts one error of the schema: "; " between errors */
static void
ei_schema_error(ei_verdict_t *v, int *nerr, const char *text,
    size_t len)
{
    if (v->len > 0) {
        ei_verdict_cat_lit(v, "; ");
    }

    ei_verdict_cat(v, text, len);
    (*nerr)++;
}
