/*
 * Statistical measurement of the hmacKey strength estimate (README "How
 * hmacKey strength is estimated"): the false rejections of keys from good generators, and the weak
 * keys accepted.
 *
 * Keys of each generator form are drawn with RAND_bytes and encoded as
 * "openssl rand -hex N" and "openssl rand -base64 N" print them; the forms
 * that fit the default 32 bytes are checked with the default policy, the
 * 64-byte ones with ei_hmac_key_max_length 64.  The test fails when more
 * than 1 in 1000 keys of a form is rejected.  EI_STRENGTH_STATS_KEYS sets
 * the number of keys a form (20000 by default).
 *
 * The weak corpus is built here, by hand and by program, with a fixed seed
 * so that it is the same on every run; each of its keys must be rejected,
 * under max_length 64 so that the length rule hides none of them.
 *
 * Every key of the corpus, and the first EI_STATS_REF_KEYS of each form,
 * is also estimated by the reference build (ei_strength_ref.h): the fast
 * path must give the same bits.  So are long keys made of one block said
 * again and again, broken here and there, where the search takes the
 * patterns found one block on instead of looking for them again.
 */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include "ei_reason.h"
#include "ei_strength.h"
#include "ei_strength_ref.h"


#define EI_STATS_KEYS          20000
#define EI_STATS_MAX_RATE      1000     /* at most 1 rejection in this */
#define EI_STATS_SHOWN         5        /* rejected keys printed a form */
#define EI_STATS_REF_KEYS      2000     /* held to the reference a form */

#define EI_CORPUS_MAX          1024
#define EI_CORPUS_KEY          72


typedef struct {
    const char  *name;
    size_t       bytes;                 /* random bytes encoded */
    int          base64;
    size_t       max_length;            /* policy */
} ei_form_t;


typedef struct {
    size_t       n;
    char         keys[EI_CORPUS_MAX][EI_CORPUS_KEY];
} ei_corpus_t;


static const ei_form_t  ei_forms[] = {
    { "openssl rand -hex 16",     16, 0, 32 },
    { "openssl rand -base64 18",  18, 1, 32 },
    { "openssl rand -base64 24",  24, 1, 32 },
    { "openssl rand -hex 32",     32, 0, 64 },
    { "openssl rand -base64 48",  48, 1, 64 }
};


static ei_corpus_t  ei_corpus;
static uint64_t     ei_seed = 0x9e3779b97f4a7c15ULL;


static size_t
ei_generate(const ei_form_t *form, char *out)
{
    size_t                i;
    unsigned char         raw[64];
    static const char     hex[] = "0123456789abcdef";

    assert_int_equal(RAND_bytes(raw, (int) form->bytes), 1);

    if (form->base64) {
        /* what openssl prints, with + / and = padding (none for these) */
        return (size_t) EVP_EncodeBlock((unsigned char *) out, raw,
                                        (int) form->bytes);
    }

    for (i = 0; i < form->bytes; i++) {
        out[2 * i] = hex[raw[i] >> 4];
        out[2 * i + 1] = hex[raw[i] & 0x0f];
    }

    out[2 * form->bytes] = '\0';

    return 2 * form->bytes;
}


static long
ei_keys_per_form(void)
{
    long         n;
    const char  *env;

    env = getenv("EI_STRENGTH_STATS_KEYS");

    if (env == NULL || (n = atol(env)) <= 0) {
        return EI_STATS_KEYS;
    }

    return n;
}


/* the fast path's bits are those of the reference */

static void
ei_assert_as_reference(const char *key, size_t len, unsigned bits)
{
    unsigned  ref;

    ref = ei_ref_strength_bits((const unsigned char *) key, len);

    if (ref != bits) {
        printf("    %s: %u bits, %u by the reference\n", key, bits, ref);
    }

    assert_int_equal(bits, ref);
}


static void
ei_measure_form(const ei_form_t *form)
{
    long                  i, n, rejected, shown;
    char                  key[EI_CORPUS_KEY * 2];
    size_t                len;
    unsigned              bits, least;
    ei_verdict_t          v;
    ei_strength_policy_t  policy;

    policy.max_length = form->max_length;
    policy.min_bits = 128;

    n = ei_keys_per_form();
    rejected = 0;
    shown = 0;
    least = UINT32_MAX;

    for (i = 0; i < n; i++) {
        len = ei_generate(form, key);

        if (ei_strength_check((unsigned char *) key, len, &policy, &bits, &v)
            != EI_OK)
        {
            rejected++;

            if (shown++ < EI_STATS_SHOWN) {
                printf("    rejected: %s (%s)\n", key, v.msg);
            }
        }

        if (bits < least) {
            least = bits;
        }

        if (i < EI_STATS_REF_KEYS) {
            ei_assert_as_reference(key, len, bits);
        }
    }

    printf("%-26s max_length %2zu: %ld keys, %ld false rejections, "
           "rate %.6f, least estimate %u bits\n",
           form->name, form->max_length, n, rejected,
           (double) rejected / n, least);

    assert_true(rejected * EI_STATS_MAX_RATE <= n);
}


static void
test_false_rejections_hex16(void **state)
{
    (void) state;
    ei_measure_form(&ei_forms[0]);
}


static void
test_false_rejections_base64_18(void **state)
{
    (void) state;
    ei_measure_form(&ei_forms[1]);
}


static void
test_false_rejections_base64_24(void **state)
{
    (void) state;
    ei_measure_form(&ei_forms[2]);
}


static void
test_false_rejections_hex32_max64(void **state)
{
    (void) state;
    ei_measure_form(&ei_forms[3]);
}


static void
test_false_rejections_base64_48_max64(void **state)
{
    (void) state;
    ei_measure_form(&ei_forms[4]);
}


/* the weak corpus */


static unsigned
ei_random(unsigned n)
{
    /* xorshift64*: a fixed sequence, so that the corpus never changes */

    ei_seed ^= ei_seed >> 12;
    ei_seed ^= ei_seed << 25;
    ei_seed ^= ei_seed >> 27;

    return (unsigned) (((ei_seed * 0x2545f4914f6cdd1dULL) >> 33) % n);
}


static void
ei_add(const char *fmt, ...)
{
    int      n;
    va_list  args;

    assert_true(ei_corpus.n < EI_CORPUS_MAX);

    va_start(args, fmt);
    n = vsnprintf(ei_corpus.keys[ei_corpus.n], EI_CORPUS_KEY, fmt, args);
    va_end(args);

    assert_true(n > 0 && n < EI_CORPUS_KEY);

    ei_corpus.n++;
}


/* block repeated, or cycled through, up to len characters */

static void
ei_add_cycled(const char *block, size_t len)
{
    size_t  i, n;
    char    key[EI_CORPUS_KEY];

    n = strlen(block);

    for (i = 0; i < len; i++) {
        key[i] = block[i % n];
    }

    key[len] = '\0';
    ei_add("%s", key);
}


static void
ei_add_random(const char *alphabet, size_t len)
{
    size_t  i, n;
    char    key[EI_CORPUS_KEY];

    n = strlen(alphabet);

    for (i = 0; i < len; i++) {
        key[i] = alphabet[ei_random((unsigned) n)];
    }

    key[len] = '\0';
    ei_add("%s", key);
}


static void
ei_capitalize(char *dst, const char *word, unsigned style)
{
    size_t  i;

    for (i = 0; word[i]; i++) {
        dst[i] = word[i];

        if ((style == 1 && i == 0) || style == 2) {
            dst[i] = (char) (word[i] - 'a' + 'A');
        }
    }

    dst[i] = '\0';
}


static void
ei_build_corpus(void)
{
    size_t       i, j, k, len;
    unsigned     y;
    char         key[256], w1[32], w2[32], w3[32];

    static const char  *by_hand[] = {
        /* Edge Impulse placeholders and their like */
        "0", "0000", "please-set-me", "changeme", "secret", "password",
        "hmac-key", "test", "TODO", "none", "null", "undefined", "default",
        "YOUR_HMAC_KEY_HERE", "your-hmac-key-here", "<hmac-key>",
        "0000000000000000", "00000000000000000000000000000000",
        "11111111111111111111111111111111", "ffffffffffffffffffffffffffffffff",
        "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",

        /* words padded to the length, and words with digits */
        "passwordpasswordpassword12345678", "secretsecretsecretsecretsecret12",
        "edgeimpulseedgeimpulseedgeimpuls", "hmackeyhmackeyhmackeyhmackeyhmac",
        "sensor01sensor02sensor03sensor04", "Password2024!", "Password1!",
        "Password1!Password1!Password1!", "Welcome@2024Welcome@2024",
        "letmein123letmein123letmein123", "iloveyou4ever!iloveyou4ever!",
        "EdgeImpulse2024EdgeImpulse2024!!", "admin:admin:admin:admin:admin",
        "qwerty123456qwerty123456qwerty12", "abc123abc123abc123abc123abc123ab",

        /* the Edge Impulse kind */
        "edgeimpulse-hmac-key-2024-prod!!", "EdgeImpulse_HMAC_Key_2024_Prod!!",
        "ei-hmac-sensor-device-key-2024", "my-edge-impulse-hmac-secret-key!",
        "edge-impulse-device-sensor-key-1", "hmac_secret_key_for_production_1",
        "MyEdgeImpulseKey#2024#Secure!!", "ThisIsMySecretKeyForEdgeImpulse!",
        "Secret_Key_For_Device_Sensor_01", "hmac-secret-key-for-sensor-fleet",
        "edgeimpulse/project/12345/hmac", "impulse-studio-dev-key-0001",

        /* leet */
        "P@ssw0rdP@ssw0rdP@ssw0rd", "$ecr3t-$ecr3t-$ecr3t-$ecr3t",
        "3dg31mpul53-hm4c-k3y-2024-pr0d!!", "M0nk3y!M0nk3y!M0nk3y!M0nk3y!",
        "Dr4g0nDr4g0nDr4g0n2024!!", "h4ck3r1337h4ck3r1337h4ck3r1337",
        "5unsh1ne5unsh1ne5unsh1ne", "p4ssw0rd-s3cr3t-k3y-f0r-3dg3",

        /* mixed, long enough to pass the plain count */
        "Summer2024!Winter2023!Spring22", "correct-horse-battery-staple",
        "TheQuickBrownFoxJumpsOverLazyDog", "drowssapdrowssap1234567890!!",
        "ilovemydogmaxsomuch2023!", "deadbeefdeadbeefdeadbeefdeadbeef",
        "cafebabe12345678cafebabe12345678", "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6",
        "zyxwvutsrqponmlkjihgfedcba987654", "qwertyuiop1234567890!@#$%^&*()",
        "Abcdefgh12345678!@#$%^&*", "michael-jennifer-2019-06-15",
        "football_baseball_soccer_hockey", "January2024February2024March",
        "MondayTuesdayWednesdayThursday", "redgreenblueyellowblackwhite",
        "tiger-lion-eagle-shark-wolf-bear", "sunshine!princess!dragon!master",

        /* dates */
        "2024-03-15", "15/03/2024", "20240315202403162024031720240318",
        "1990-01-01T00:00:00Z", "2024.03.15-2024.03.16-2024.03.17",
        "01012000010120000101200001012000", "19850612-19870923-20120101",

        /* keyboard walks */
        "qwertyuiopasdfghjklzxcvbnm123456", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,",
        "zaq12wsxcde34rfvbgt56yhnmju78ik,", "1q2w3e4r5t6y7u8i9o0p1q2w3e4r5t6y",
        "!QAZ@WSX#EDC$RFV%TGB^YHN&UJM*IK<", "asdfghjkl;asdfghjkl;asdfghjkl;as",
        "qazwsxedcrfvtgbyhnujmikolp123456", "poiuytrewqlkjhgfdsamnbvcxz098765",
        "QWERTYUIOPASDFGHJKLZXCVBNM!@#$%^", "qwertzuiopasdfghjklyxcvbnm123456",
        "azertyuiopqsdfghjklmwxcvbn123456", "1234567890qwertyuiopasdfghjklzxc",
        "`1234567890-=qwertyuiop[]\\asdfgh",
        "zxcvbnm,./asdfghjkl;'qwertyuiop[",
        "78945612307894561230789456123078", "1qazxsw23edcvfr45tgbnhy67ujm,ki8",
        "qawsedrftgyhujikolp;qawsedrftgyh", "azsxdcfvgbhnjmk,l.;/azsxdcfvgbhn",

        /* sequences */
        "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", "9876543210987654321098765432109",
        "abcdefghijklmnopqrstuvwxyz012345", "ZYXWVUTSRQPONMLKJIHGFEDCBA987654",
        "0123456789ABCDEF0123456789ABCDEF", "abcdefghijklmnopqrstuvwxyzABCDEF",

        NULL
    };

    static const char  *blocks[] = {
        "ab", "abc", "abcd", "xyz1", "k3y!", "Ab1!", "hmac", "1234", "qwer",
        "a1b2", "Zx9$", "test", "edge", "!@#$", "deadbeef", "0xff", "42",
        "foo_", "bar-", "Key#", "s3cr", "9z", "A1", "x", NULL
    };

    static const char  *runs = "aZ09x!#-fF=_";

    static const char  *alphabets[] = {
        "0123456789abcdefghijklmnopqrstuvwxyz", "0123456789",
        "0123456789abcdef", "abcdefghijklmnopqrstuvwxyz",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ", NULL
    };

    static const char  *few[] = {
        "ab", "01", "xyz", "a1!", "0123", "AB", "#$", "qwe", "hm", "7z",
        "aA", "fF0", "+/=", NULL
    };

    static const char  *words[] = {
        "password", "secret", "monkey", "dragon", "sunshine", "edge",
        "impulse", "hmac", "sensor", "device", "welcome", "letmein", "admin",
        "summer", "winter", "spring", "autumn", "january", "december",
        "michael", "jennifer", "football", "iloveyou", "master", "shadow",
        "princess", "gateway", "firmware", "project", "studio", "key",
        "production", "staging", "london", "chocolate", "purple", "tiger",
        "coffee", "rocket", "galaxy", NULL
    };

    static const char  *seps[] = { "", "-", "_", ".", "!", "@", "#", NULL };

    static const char  *envs[] = { "prod", "dev", "test", "staging", "demo",
                                   NULL };

    ei_corpus.n = 0;

    for (i = 0; by_hand[i]; i++) {
        ei_add("%s", by_hand[i]);
    }

    /* runs of one character, and two runs */

    for (i = 0; runs[i]; i++) {
        memset(key, runs[i], 32);
        key[32] = '\0';
        ei_add("%s", key);

        memset(key + 16, runs[(i + 1) % strlen(runs)], 16);
        ei_add("%s", key);
    }

    /* blocks repeated to 32, fixed and drawn at random */

    for (i = 0; blocks[i]; i++) {
        ei_add_cycled(blocks[i], 32);
    }

    for (i = 0; i < 40; i++) {
        len = 2 + ei_random(7);

        for (j = 0; j < len; j++) {
            w1[j] = (char) (0x21 + ei_random(94));
        }

        w1[len] = '\0';
        ei_add_cycled(w1, 24 + ei_random(9));
    }

    /* ascending and descending sequences, from every start */

    for (i = 0; alphabets[i]; i++) {
        len = strlen(alphabets[i]);

        for (j = 0; j < len; j += 3) {
            for (k = 0; k < 32; k++) {
                key[k] = alphabets[i][(j + k) % len];
            }

            key[32] = '\0';
            ei_add("%s", key);

            for (k = 0; k < 32; k++) {
                key[k] = alphabets[i][(j + len * 32 - k) % len];
            }

            ei_add("%s", key);
        }
    }

    /* few distinct characters, in random order */

    for (i = 0; few[i]; i++) {
        ei_add_random(few[i], 32);
    }

    /* 64-bit keys: 16 hex digits, 11 base64 characters */

    for (i = 0; i < 10; i++) {
        ei_add_random("0123456789abcdef", 16);
    }

    for (i = 0; i < 5; i++) {
        ei_add_random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                      "0123456789+/", 11);
    }

    /* dictionary words with capitals, separators, years and symbols */

    for (i = 0; i < 80; i++) {
        ei_capitalize(w1, words[ei_random(40)], ei_random(3));
        ei_capitalize(w2, words[ei_random(40)], ei_random(3));
        ei_capitalize(w3, words[ei_random(40)], ei_random(3));
        y = 1970 + ei_random(60);

        switch (i % 4) {
        case 0:
            snprintf(key, sizeof(key), "%s%s%s%u!", w1, seps[i / 4 % 7], w2,
                     y);
            break;
        case 1:
            snprintf(key, sizeof(key), "%s%s%s%s%s%s%u", w1, seps[i / 4 % 7],
                     w2, seps[i / 4 % 7], w3, seps[i / 4 % 7], y);
            break;
        case 2:
            snprintf(key, sizeof(key), "%s%u%s%s", w1, ei_random(1000), w2,
                     seps[i / 4 % 7]);
            break;
        default:
            snprintf(key, sizeof(key), "%s%s%s%s%s", w1, w2, w1, w2, w3);
        }

        key[32] = '\0';
        ei_add("%s", key);
    }

    /* the Edge Impulse kind, over environments and years */

    for (i = 0; envs[i]; i++) {
        for (y = 2022; y <= 2025; y++) {
            snprintf(key, sizeof(key), "edgeimpulse-hmac-key-%u-%s!!", y,
                     envs[i]);
            key[32] = '\0';
            ei_add("%s", key);
        }
    }
}


/* the plain count: the smallest standard alphabet times the length */

static double
ei_plain_bits(const char *key)
{
    size_t  i, len;
    int     digit, lower, upper, b64, other, hexl, hexu;

    digit = lower = upper = b64 = other = 0;
    hexl = hexu = 1;
    len = strlen(key);

    for (i = 0; i < len; i++) {
        if (key[i] >= '0' && key[i] <= '9') {
            digit = 1;

        } else if (key[i] >= 'a' && key[i] <= 'z') {
            lower = 1;
            hexl &= key[i] <= 'f';

        } else if (key[i] >= 'A' && key[i] <= 'Z') {
            upper = 1;
            hexu &= key[i] <= 'F';

        } else if (strchr("+/=-_", key[i])) {
            b64 = 1;

        } else {
            other = 1;
        }
    }

    if (other) {
        return len * 6.555;
    }

    if (b64) {
        return len * 6.0;
    }

    if (lower && upper) {
        return len * (digit ? 5.954 : 5.7);
    }

    if ((lower && hexl) || (upper && hexu) || (!lower && !upper)) {
        return len * (lower || upper ? 4.0 : 3.322);
    }

    return len * (digit ? 5.17 : 4.7);
}


static void
test_weak_corpus_rejected(void **state)
{
    size_t                i, len, accepted, plain;
    unsigned              bits, most;
    ei_verdict_t          v;
    ei_strength_policy_t  policy;

    (void) state;

    ei_build_corpus();

    policy.max_length = 64;
    policy.min_bits = 128;

    accepted = 0;
    plain = 0;
    most = 0;

    for (i = 0; i < ei_corpus.n; i++) {
        len = strlen(ei_corpus.keys[i]);

        if (ei_plain_bits(ei_corpus.keys[i]) >= 128) {
            plain++;
        }

        if (ei_strength_check((unsigned char *) ei_corpus.keys[i], len,
                              &policy, &bits, &v)
            == EI_OK)
        {
            accepted++;
            printf("    weak key accepted: %s (%u bits)\n",
                   ei_corpus.keys[i], bits);
        }

        if (bits > most) {
            most = bits;
        }

        ei_assert_as_reference(ei_corpus.keys[i], len, bits);
    }

    printf("weak corpus: %zu keys (%zu of them 128 bits or more by the plain "
           "count), %zu accepted, highest estimate %u bits\n",
           ei_corpus.n, plain, accepted, most);

    assert_true(ei_corpus.n >= 200);
    assert_int_equal(accepted, 0);
}


/*
 * Long keys of a block said again and again (pieces of walks, words,
 * dates, sequences), broken now and then by another character, a stray
 * one or another piece, up to 1024 bytes: where the search takes what it
 * found one block on, it must find what the reference finds.
 */

static const char  *ei_pieces[] = {
    "1qaz", "2WSX", "3edc", "4RFV", "qwerty", "asdf", "zxcvbn", "password",
    "Summer", "2024", "1999", "12/05", "0123", "abcd", "dcba", "9876",
    "monkey", "dragon", "!@#$", "qazwsx", "admin", "P@ssw0rd", "19.07.1985",
    "20240101", "ab", "a", "x", "Z", "789456", "tgb", "drowssap", "kcab"
};

#define EI_PIECES  (sizeof(ei_pieces) / sizeof(ei_pieces[0]))


static const struct {
    const char  *block;
    size_t       at;
    char         c;
} ei_completed[] = {
    { "administXator#7", 8, 'r' },
    { "accelerometXr%2", 11, 'e' },
    { "19.07.1X85;", 7, '9' },
    { "qwertyuiXp!", 8, 'o' },
    { "0123456X89@", 7, '7' },
    { "Kpassw0Xd+", 7, 'r' }
};


static unsigned long  ei_lcg = 1234567;


static unsigned
ei_draw(unsigned n)
{
    ei_lcg = ei_lcg * 6364136223846793005UL + 1442695040888963407UL;

    return (unsigned) ((ei_lcg >> 33) % n);
}


static size_t
ei_put_piece(char *key, size_t len, size_t max)
{
    size_t       n;
    const char  *piece;

    piece = ei_pieces[ei_draw(EI_PIECES)];
    n = strlen(piece);

    if (len + n > max) {
        return len;
    }

    memcpy(key + len, piece, n);

    return len + n;
}


static void
test_long_repeated_keys_as_reference(void **state)
{
    char      block[64], key[1024 + 1];
    size_t    t, b, len, total, period, parts;
    unsigned  breaks, bits;

    (void) state;

    for (t = 0; t < 3000; t++) {
        b = 0;

        for (parts = 1 + ei_draw(6); parts > 0; parts--) {
            b = ei_put_piece(block, b, sizeof(block));
        }

        period = (b == 0) ? 1 : b;

        if (b == 0) {
            block[0] = 'a';
        }

        total = 264 + ei_draw(1024 - 264);
        breaks = 3 + ei_draw(200);
        len = 0;

        while (len + period <= total) {
            memcpy(key + len, block, period);
            len += period;

            if (ei_draw(breaks) == 0) {
                key[len - 1 - ei_draw(period)] = (char) (33 + ei_draw(94));
            }

            if (ei_draw(breaks) == 0 && len < total) {
                key[len++] = (char) (33 + ei_draw(94));
            }

            if (ei_draw(3 * breaks) == 0) {
                len = ei_put_piece(key, len, total);
            }
        }

        if (ei_draw(2) && len < sizeof(key) - 1) {
            key[len++] = 'x';
        }

        key[len] = '\0';

        bits = ei_strength_bits((unsigned char *) key, len);

        ei_assert_as_reference(key, len, bits);
    }

    /*
     * one copy of the block completes what the others only begin: a long
     * word, a date, a walk, a sequence, found there alone
     */

    for (t = 0; t < sizeof(ei_completed) / sizeof(ei_completed[0]); t++) {
        period = strlen(ei_completed[t].block);

        for (b = 0; b < 1024 / period; b += 7) {
            for (len = 0; len + period <= 1024; len += period) {
                memcpy(key + len, ei_completed[t].block, period);
            }

            key[b * period + ei_completed[t].at] = ei_completed[t].c;
            key[len] = '\0';

            bits = ei_strength_bits((unsigned char *) key, len);

            ei_assert_as_reference(key, len, bits);
        }
    }
}


/*
 * Long keys of digits and symbols, where the glance passes over the
 * places with no letter within EI_LETTERS_NEAR characters, with words
 * spelled from their first letters in substitutes ("84$ketball") here and
 * there: the words must be found as the reference finds them.
 */

static const char  *ei_leet_words[] = {
    "48!gail", "418ert", "413xander", "4$1eep", "84$ketball", "834utiful",
    "831ieve", "837ter", "413xis", "847man", "p@ssw0rd", "477ack"
};

#define EI_LEET_WORDS  (sizeof(ei_leet_words) / sizeof(ei_leet_words[0]))


static void
test_words_among_digits_as_reference(void **state)
{
    char         key[1024 + 1];
    size_t       t, i, n, len, k;
    unsigned     bits;
    const char  *alphabet, *word;

    (void) state;

    for (t = 0; t < 2000; t++) {
        len = 65 + ei_draw(1024 - 65);
        alphabet = (t % 3 == 0) ? "01" : (t % 3 == 1) ? "0123456789"
                                                     : "01!@#$%^&*()13457";
        n = strlen(alphabet);

        for (i = 0; i < len; /* void */) {
            if (ei_draw(12) == 0) {
                word = ei_leet_words[ei_draw(EI_LEET_WORDS)];
                k = strlen(word);

                if (i + k <= len) {
                    memcpy(key + i, word, k);
                    i += k;
                    continue;
                }
            }

            key[i++] = alphabet[ei_draw(n)];
        }

        key[len] = '\0';

        bits = ei_strength_bits((unsigned char *) key, len);

        ei_assert_as_reference(key, len, bits);
    }
}


/*
 * Long keys of two to four distinct characters ("l1", "20", "acgt"),
 * random or with stretches copied from up to 70 characters back: their
 * repeats are found as masks of the periods instead of along the hash
 * chains, and must be those of the reference.
 */

static const char  *ei_few[] = {
    "l1", "20", "01", "ab", "l1i", "012", "1lI", "aab", "acgt", "0123",
    "lIi1", "2019"
};

#define EI_FEW  (sizeof(ei_few) / sizeof(ei_few[0]))


static void
test_few_characters_as_reference(void **state)
{
    char         key[1024 + 1];
    size_t       t, i, j, n, p, len, copy;
    unsigned     bits;
    const char  *alphabet;

    (void) state;

    for (t = 0; t < 1500; t++) {
        alphabet = ei_few[ei_draw(EI_FEW)];
        n = strlen(alphabet);
        len = 65 + ei_draw(1024 - 65);
        copy = ei_draw(3);

        for (i = 0; i < len; /* void */) {
            if (copy && i > 8 && ei_draw(10) == 0) {
                p = 1 + ei_draw((i < 70) ? i : 70);

                for (j = 3 + ei_draw(copy * 20); j > 0 && i < len; j--) {
                    key[i] = key[i - p];
                    i++;
                }

                continue;
            }

            key[i++] = alphabet[ei_draw(n)];
        }

        key[len] = '\0';

        bits = ei_strength_bits((unsigned char *) key, len);

        ei_assert_as_reference(key, len, bits);
    }
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(test_false_rejections_hex16),
        cmocka_unit_test(test_false_rejections_base64_18),
        cmocka_unit_test(test_false_rejections_base64_24),
        cmocka_unit_test(test_false_rejections_hex32_max64),
        cmocka_unit_test(test_false_rejections_base64_48_max64),
        cmocka_unit_test(test_weak_corpus_rejected),
        cmocka_unit_test(test_long_repeated_keys_as_reference),
        cmocka_unit_test(test_words_among_digits_as_reference),
        cmocka_unit_test(test_few_characters_as_reference),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
