/*
 * Unit tests of the hmacKey strength rules (README "How hmacKey strength
 * is estimated", step 9 of "What a request goes through"): each test names
 * the rule it proves.
 */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "ei_reason.h"
#include "ei_strength.h"


#define EI_MSG_EMPTY      "hmacKey must not be empty"
#define EI_MSG_PRINTABLE  "hmacKey must be printable ASCII without spaces"
#define EI_MSG_TOO_LONG   "hmacKey is too long: at most %zu bytes, since " \
                          "Edge Impulse device firmware truncates longer keys"
#define EI_MSG_TOO_WEAK   "hmacKey is too weak: about %u bits, at least %u " \
                          "required"


static const ei_strength_policy_t  ei_default = { 32, 128 };
static const ei_strength_policy_t  ei_max64 = { 64, 128 };


/* keys from "openssl rand", and others of one alphabet, drawn at random */

static const char  *ei_hex16[] = {
    "1671d3260637649b62ed337ef9c6cd1c",
    "569aea20104d9c58b53abcd156b055c1",
    "d6181d72f7c8b6edf184be518336a869",
    NULL
};

static const char  *ei_base64_18[] = {
    "wRt4wONZTIQCi9V+W9FtFk44",
    "dbIL/OhA8BmTxKWWUsfEa/Ui",
    "Uzso/JCGpGyUI4sBg982I3MF",
    NULL
};

static const char  *ei_base64_24[] = {
    "Vr/mtKF5P4h95D0jRgUpQq81VocRxwEZ",
    "P+bHlaiH3csZWaHASfeMTQwMxujiLuOy",
    NULL
};


static ei_reason_t
ei_check(const char *key, const ei_strength_policy_t *policy, unsigned *bits,
    ei_verdict_t *v)
{
    return ei_strength_check((const unsigned char *) key, strlen(key), policy,
                             bits, v);
}


static unsigned
ei_bits(const char *key)
{
    return ei_strength_bits((const unsigned char *) key, strlen(key));
}


static void
ei_assert_weak(const char *key, const ei_strength_policy_t *policy)
{
    char          expected[EI_MSG_MAX];
    unsigned      bits;
    ei_verdict_t  v;

    if (ei_check(key, policy, &bits, &v) != EI_REJECT_WEAK_KEY) {
        fail_msg("accepted as %u bits: %s", bits, key);
    }

    snprintf(expected, sizeof(expected), EI_MSG_TOO_WEAK, bits,
             policy->min_bits);
    assert_string_equal(v.msg, expected);
    assert_int_equal(v.len, strlen(expected));
    assert_true(bits < policy->min_bits);
}


static void
ei_assert_strong(const char *key, const ei_strength_policy_t *policy)
{
    unsigned      bits;
    ei_verdict_t  v;

    if (ei_check(key, policy, &bits, &v) != EI_OK) {
        fail_msg("rejected: %s (%s)", key, v.msg);
    }

    assert_true(bits >= policy->min_bits);
}


/* rule "empty" */

static void
test_rule_empty_rejected(void **state)
{
    unsigned      bits;
    ei_verdict_t  v;

    (void) state;

    bits = 99;
    assert_int_equal(ei_strength_check((const unsigned char *) "", 0,
                                       &ei_default, &bits, &v),
                     EI_REJECT_WEAK_KEY);
    assert_string_equal(v.msg, EI_MSG_EMPTY);
    assert_int_equal(v.len, strlen(EI_MSG_EMPTY));
    assert_int_equal(bits, 0);

    assert_int_equal(ei_strength_bits((const unsigned char *) "", 0), 0);
}


/* rule "printable ASCII without spaces": every byte in 0x21-0x7E */

static void
test_rule_printable_rejects_space_control_and_non_ascii(void **state)
{
    size_t        i;
    unsigned      bits;
    ei_verdict_t  v;

    static const struct {
        const char  *key;
        size_t       len;
    } bad[] = {
        { " ", 1 },
        { "d6181d72f7c8b6ed f184be518336a86", 32 },
        { "d6181d72f7c8b6edf184be518336a869 ", 33 },
        { "\td6181d72f7c8b6edf184be518336a86", 32 },
        { "d6181d72f7c8b6edf184be518336a\n", 30 },
        { "d6181d72f7c8b6edf184be518336a\r", 30 },
        { "d6181d72f7c8b6ed\x7f" "f184be518336a8", 31 },
        { "d6181d72f7c8b6ed\x80" "f184be518336a8", 31 },
        { "d6181d72f7c8b6ed\xc3\xa9" "f184be518336a", 31 },
        { "d6181d72f7c8b6ed\0f184be518336a86", 32 },
        { "\xff", 1 },
    };

    (void) state;

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        bits = 99;

        assert_int_equal(ei_strength_check((const unsigned char *) bad[i].key,
                                           bad[i].len, &ei_max64, &bits, &v),
                         EI_REJECT_WEAK_KEY);
        assert_string_equal(v.msg, EI_MSG_PRINTABLE);
        assert_int_equal(bits, 0);

        assert_int_equal(ei_strength_bits((const unsigned char *) bad[i].key,
                                          bad[i].len),
                         0);
    }
}


static void
test_rule_printable_accepts_every_visible_character(void **state)
{
    char      key[95];
    unsigned  c;

    (void) state;

    for (c = 0x21; c <= 0x7e; c++) {
        key[c - 0x21] = (char) c;
    }

    key[94] = '\0';

    /* all of 0x21-0x7E in order is a sequence, weak but printable */

    ei_assert_weak(key, &(ei_strength_policy_t) { 94, 128 });

    ei_assert_strong("OR-S$sNI<FQ$aO's=36+", &ei_default);
    ei_assert_strong("!~\"`{|}<>)(]['\\&%^_?;", &ei_default);
}


/* rule "max_length": 32 bytes by default, the policy's number said */

static void
test_rule_max_length_default_32(void **state)
{
    char          expected[EI_MSG_MAX];
    unsigned      bits;
    ei_verdict_t  v;

    (void) state;

    ei_assert_strong("Vr/mtKF5P4h95D0jRgUpQq81VocRxwEZ", &ei_default);

    bits = 99;
    assert_int_equal(ei_check("Vr/mtKF5P4h95D0jRgUpQq81VocRxwEZa",
                              &ei_default, &bits, &v),
                     EI_REJECT_WEAK_KEY);
    snprintf(expected, sizeof(expected), EI_MSG_TOO_LONG, (size_t) 32);
    assert_string_equal(v.msg, expected);
    assert_string_equal(v.msg, "hmacKey is too long: at most 32 bytes, since "
                        "Edge Impulse device firmware truncates longer keys");
    assert_int_equal(bits, 0);

    /* the 64-hex-digit form of "openssl rand -hex 32" is too long */

    assert_int_equal(ei_check("1671d3260637649b62ed337ef9c6cd1c"
                              "569aea20104d9c58b53abcd156b055c1",
                              &ei_default, &bits, &v),
                     EI_REJECT_WEAK_KEY);
    assert_string_equal(v.msg, expected);
}


static void
test_rule_max_length_names_the_policy_length(void **state)
{
    char                  expected[EI_MSG_MAX];
    ei_verdict_t          v;
    ei_strength_policy_t  policy;

    (void) state;

    ei_assert_strong("1671d3260637649b62ed337ef9c6cd1c"
                     "569aea20104d9c58b53abcd156b055c1", &ei_max64);

    assert_int_equal(ei_check("1671d3260637649b62ed337ef9c6cd1c"
                              "569aea20104d9c58b53abcd156b055c1f",
                              &ei_max64, NULL, &v),
                     EI_REJECT_WEAK_KEY);
    snprintf(expected, sizeof(expected), EI_MSG_TOO_LONG, (size_t) 64);
    assert_string_equal(v.msg, expected);

    policy.max_length = 20;
    policy.min_bits = 128;

    assert_int_equal(ei_check("wRt4wONZTIQCi9V+W9FtFk44", &policy, NULL, &v),
                     EI_REJECT_WEAK_KEY);
    snprintf(expected, sizeof(expected), EI_MSG_TOO_LONG, (size_t) 20);
    assert_string_equal(v.msg, expected);
}


/* the rules apply in order: empty, printable, max_length, min_bits */

static void
test_rules_apply_in_order(void **state)
{
    char          expected[EI_MSG_MAX];
    ei_verdict_t  v;

    (void) state;

    /* too long and with a space: the bytes first */

    assert_int_equal(ei_check("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa a",
                              &ei_default, NULL, &v),
                     EI_REJECT_WEAK_KEY);
    assert_string_equal(v.msg, EI_MSG_PRINTABLE);

    /* too long and weak: the length first */

    assert_int_equal(ei_check("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                              &ei_default, NULL, &v),
                     EI_REJECT_WEAK_KEY);
    snprintf(expected, sizeof(expected), EI_MSG_TOO_LONG, (size_t) 32);
    assert_string_equal(v.msg, expected);
}


/* rule "min_bits": the estimate and the policy's minimum said */

static void
test_rule_min_bits_message(void **state)
{
    unsigned              bits;
    ei_verdict_t          v;
    ei_strength_policy_t  policy;

    (void) state;

    assert_int_equal(ei_check("baf444129f6cbcf8", &ei_default, &bits, &v),
                     EI_REJECT_WEAK_KEY);
    assert_int_equal(bits, 64);
    assert_string_equal(v.msg, "hmacKey is too weak: about 64 bits, at least "
                        "128 required");

    /* a stronger policy rejects what the default accepts */

    policy.max_length = 32;
    policy.min_bits = 160;

    assert_int_equal(ei_check("wRt4wONZTIQCi9V+W9FtFk44", &policy, &bits, &v),
                     EI_REJECT_WEAK_KEY);
    assert_int_equal(bits, 144);
    assert_string_equal(v.msg, "hmacKey is too weak: about 144 bits, at least "
                        "160 required");

    /* and a weaker one accepts 64-bit keys */

    policy.min_bits = 64;
    ei_assert_strong("baf444129f6cbcf8", &policy);

    policy.min_bits = 0;
    ei_assert_strong("0", &policy);
}


static void
test_rule_min_bits_verdict_ok_and_bits_out(void **state)
{
    unsigned      bits;
    ei_verdict_t  v;

    (void) state;

    bits = 0;
    assert_int_equal(ei_check("d6181d72f7c8b6edf184be518336a869", &ei_default,
                              &bits, &v),
                     EI_OK);
    assert_int_equal(v.reason, EI_OK);
    assert_int_equal(bits, 128);

    /* bits may be NULL */

    assert_int_equal(ei_check("d6181d72f7c8b6edf184be518336a869", &ei_default,
                              NULL, &v),
                     EI_OK);
    assert_int_equal(ei_check("0", &ei_default, NULL, &v),
                     EI_REJECT_WEAK_KEY);
}


/* no message ever holds the key or a part of it */

static void
test_messages_never_quote_the_key(void **state)
{
    size_t        i;
    unsigned      bits;
    ei_verdict_t  v;
    char          expected[EI_MSG_MAX];

    static const char  *keys[] = {
        "", "0", "please-set-me", "hmacKey", "weak", "bits",
        "hmacKey is too weak", "aaaa aaaa", "Edge Impulse device firmware!!!",
        "printable-ASCII-without-spaces-at-most-128-bits-required",
        "passwordpasswordpassword12345678", "d6181d72f7c8b6edf184be518336a869",
        NULL
    };

    (void) state;

    for (i = 0; keys[i]; i++) {
        ei_check(keys[i], &ei_default, &bits, &v);

        if (v.reason == EI_OK) {
            assert_string_equal(v.msg, "");
            continue;
        }

        snprintf(expected, sizeof(expected), EI_MSG_TOO_WEAK, bits, 128u);

        if (strcmp(v.msg, EI_MSG_EMPTY) != 0
            && strcmp(v.msg, EI_MSG_PRINTABLE) != 0
            && strcmp(v.msg, expected) != 0)
        {
            snprintf(expected, sizeof(expected), EI_MSG_TOO_LONG,
                     (size_t) 32);
            assert_string_equal(v.msg, expected);
        }
    }
}


/* the estimate: the smallest standard alphabet times the length */

static void
test_estimate_alphabet_times_length(void **state)
{
    size_t  i;

    (void) state;

    /* hex, lower or upper: 4 bits, so 32 hex digits are exactly 128 */

    for (i = 0; ei_hex16[i]; i++) {
        assert_int_equal(ei_bits(ei_hex16[i]), 128);
        ei_assert_strong(ei_hex16[i], &ei_default);
    }

    assert_int_equal(ei_bits("F4A44E9D88252832A1F68A776440EC1C"), 128);

    /* base64, 6 bits; alphanumeric about 5.95 when no + or / came out */

    for (i = 0; ei_base64_18[i]; i++) {
        assert_int_equal(ei_bits(ei_base64_18[i]), 144);
        ei_assert_strong(ei_base64_18[i], &ei_default);
    }

    for (i = 0; ei_base64_24[i]; i++) {
        assert_int_equal(ei_bits(ei_base64_24[i]), 192);
        ei_assert_strong(ei_base64_24[i], &ei_default);
    }

    assert_int_equal(ei_bits("Ho8cwVEcK2HoAGRd6fOOMxFM3MrNig4g"), 190);

    /* digits about 3.32, lower case about 4.7, lower case and digits about
     * 5.17, letters and digits about 5.95, other printable about 6.55 */

    assert_int_equal(ei_bits("103731676499167624259474571408488116217"), 129);
    assert_int_equal(ei_bits("70924254114290740766498248303585207836"), 126);
    assert_int_equal(ei_bits("efwackhhbukkpcnxhpbxhmqbhhdj"), 131);
    assert_int_equal(ei_bits("FpjDdYZ1BgxPg2SVXVOIlf"), 130);
    assert_int_equal(ei_bits("OR-S$sNI<FQ$aO's=36+"), 131);

    /* 64-bit keys, whatever their alphabet */

    assert_int_equal(ei_bits("baf444129f6cbcf8"), 64);
    ei_assert_weak("baf444129f6cbcf8", &ei_default);
    ei_assert_weak("Jt3B+Zq8/wA", &ei_default);
}


/* chance patterns of random keys cost them nothing */

static void
test_estimate_ignores_chance_patterns(void **state)
{
    (void) state;

    /* a year, a run of three and a short sequence in random hex */

    assert_int_equal(ei_bits("d6181d72f7c8b6ed1999be518336a869"), 128);
    assert_int_equal(ei_bits("d6181d72f7c8b6edf184be5aaa36a869"), 128);
    assert_int_equal(ei_bits("d6181d72f7c8b6edf184be518345a869"), 128);

    /* a four-letter word in random base64 */

    assert_int_equal(ei_bits("wRt4wONZTIQCi9V+W9FtFk44"), 144);
    assert_int_equal(ei_bits("wRt4wONZTIQCi9V+W9hmac44"), 144);
}


/* Edge Impulse placeholders, and keys a person made up */

static void
test_placeholders_rejected(void **state)
{
    (void) state;

    ei_assert_weak("0", &ei_default);
    ei_assert_weak("0000", &ei_default);
    ei_assert_weak("please-set-me", &ei_default);
    ei_assert_weak("changeme", &ei_default);
    ei_assert_weak("YOUR_HMAC_KEY_HERE", &ei_default);
}


/* rule "repeated block" */

static void
test_rule_repeated_block(void **state)
{
    (void) state;

    ei_assert_weak("abcdabcdabcdabcdabcdabcdabcdabcd", &ei_default);
    ei_assert_weak("Zx9$Zx9$Zx9$Zx9$Zx9$Zx9$Zx9$Zx9$", &ei_default);
    ei_assert_weak("Jt3B+Zq8Jt3B+Zq8Jt3B+Zq8Jt3B+Zq8", &ei_default);

    /* 16 random hex digits twice: 64 bits and a repeat */

    ei_assert_weak("baf444129f6cbcf8baf444129f6cbcf8", &ei_default);
    assert_true(ei_bits("baf444129f6cbcf8baf444129f6cbcf8") < 90);

    /* a strong key twice is no stronger than once, or little */

    assert_true(ei_bits("wRt4wONZTIQCi9V+W9FtFk44wRt4wONZTIQCi9V+W9FtFk44")
                < 144 + 24);
}


/* rule "long runs" */

static void
test_rule_runs(void **state)
{
    (void) state;

    ei_assert_weak("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", &ei_default);
    ei_assert_weak("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!", &ei_default);
    ei_assert_weak("00000000000000000000000000000000", &ei_default);
    ei_assert_weak("aaaaaaaaaaaaaaaaZZZZZZZZZZZZZZZZ", &ei_default);
    ei_assert_weak("Jt3B+Zq8/wA=========================", &ei_max64);
    assert_true(ei_bits("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") < 20);
}


/* rule "ascending or descending sequences" */

static void
test_rule_sequences(void **state)
{
    (void) state;

    ei_assert_weak("abcdefghijklmnopqrstuvwxyz012345", &ei_default);
    ei_assert_weak("zyxwvutsrqponmlkjihgfedcba987654", &ei_default);
    ei_assert_weak("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", &ei_default);
    ei_assert_weak("01234567890123456789012345678901", &ei_default);
    ei_assert_weak("98765432109876543210987654321098", &ei_default);

    /* hex runs on from 9 to a */

    ei_assert_weak("0123456789abcdef0123456789abcdef", &ei_default);
    ei_assert_weak("fedcba9876543210fedcba9876543210", &ei_default);
    ei_assert_weak("0123456789ABCDEF0123456789ABCDEF", &ei_default);

    /* two sequences in turn */

    ei_assert_weak("a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6", &ei_default);
}


/* rule "keyboard walks" */

static void
test_rule_keyboard_walks(void **state)
{
    (void) state;

    ei_assert_weak("qwertyuiopasdfghjklzxcvbnm123456", &ei_default);
    ei_assert_weak("1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,", &ei_default);
    ei_assert_weak("zaq12wsxcde34rfvbgt56yhnmju78ik,", &ei_default);
    ei_assert_weak("1q2w3e4r5t6y7u8i9o0p1q2w3e4r5t6y", &ei_default);
    ei_assert_weak("!QAZ@WSX#EDC$RFV%TGB^YHN&UJM*IK<", &ei_default);
    ei_assert_weak("asdfghjkl;asdfghjkl;asdfghjkl;as", &ei_default);
    ei_assert_weak("qazwsxedcrfvtgbyhnujmikolp123456", &ei_default);
    ei_assert_weak("poiuytrewqlkjhgfdsamnbvcxz098765", &ei_default);
    ei_assert_weak("azertyuiopqsdfghjklmwxcvbn123456", &ei_default);
    ei_assert_weak("78945612307894561230789456123078", &ei_default);
}


/* rule "few distinct characters" */

static void
test_rule_few_distinct_characters(void **state)
{
    (void) state;

    ei_assert_weak("abbaababbbaabababaabbbabababbaba", &ei_default);
    ei_assert_weak("01101001100101101001011001101001", &ei_default);
    ei_assert_weak("x!zx!!zzx!zxzx!zzx!x!zxzzx!xz!!x", &ei_default);
    ei_assert_weak("+/=+//==+/+=/+=/=+=/+/=+=+//=+/+", &ei_default);
}


/* rule "dictionary words", with capitals, leet, backward, digits, years */

static void
test_rule_dictionary_words(void **state)
{
    (void) state;

    ei_assert_weak("passwordpasswordpassword12345678", &ei_default);
    ei_assert_weak("Password2024!", &ei_default);
    ei_assert_weak("edgeimpulse-hmac-key-2024-prod!!", &ei_default);
    ei_assert_weak("EdgeImpulse_HMAC_Key_2024_Prod!!", &ei_default);
    ei_assert_weak("my-edge-impulse-hmac-secret-key!", &ei_default);
    ei_assert_weak("ThisIsMySecretKeyForEdgeImpulse!", &ei_default);
    ei_assert_weak("Summer2024!Winter2023!Spring22", &ei_default);
    ei_assert_weak("correct-horse-battery-staple", &ei_default);
    ei_assert_weak("TheQuickBrownFoxJumpsOverLazyDog", &ei_default);
    ei_assert_weak("tiger-lion-eagle-shark-wolf-bear", &ei_default);
    ei_assert_weak("MondayTuesdayWednesdayThursday", &ei_default);

    /* leet */

    ei_assert_weak("P@ssw0rdP@ssw0rdP@ssw0rd", &ei_default);
    ei_assert_weak("3dg31mpul53-hm4c-k3y-2024-pr0d!!", &ei_default);
    ei_assert_weak("p4ssw0rd-s3cr3t-k3y-f0r-3dg3", &ei_default);

    /* backward */

    ei_assert_weak("drowssapdrowssap1234567890!!", &ei_default);
    ei_assert_weak("yeknom-nogard-terces-tset-2024", &ei_default);
}


/*
 * The dictionary is found from one end of it to the other.  A run after
 * the word makes the key structured enough for the estimate to be the
 * cheapest description, word or letters.
 */

static void
test_rule_dictionary_lookup_covers_the_list(void **state)
{
    size_t    i;
    unsigned  bits;
    char      key[64];

    static const char  *words[] = {
        "aaron", "accelerometer", "administrator", "barcelona", "butterfly",
        "chocolate", "december", "edgeimpulse", "firmware", "gateway",
        "humidity", "inference", "jennifer", "kangaroo", "liverpool",
        "microsoft", "november", "production", "quantum", "raspberry",
        "september", "temperature", "umbrella", "vibration", "wednesday",
        "yesterday", "zachary", "zebra", NULL
    };

    (void) state;

    for (i = 0; words[i]; i++) {
        snprintf(key, sizeof(key), "%s################", words[i]);

        /* about 15 bits for the word, 21 for the run: the letters of the
         * shortest word alone cost 32 */

        bits = ei_bits(key);

        if (bits >= 45) {
            fail_msg("word not found: %s (%u bits)", key, bits);
        }
    }
}


/* years from 1900 to 2099 and dates */

static void
test_rule_dates(void **state)
{
    (void) state;

    ei_assert_weak("20240315202403162024031720240318", &ei_default);
    ei_assert_weak("2024.03.15-2024.03.16-2024.03.17", &ei_default);
    ei_assert_weak("19850612-19870923-20120101", &ei_default);
    ei_assert_weak("15/03/2024", &ei_default);

    /* eight digits of a date cost less than eight digits */

    assert_true(ei_bits("20240315################")
                < ei_bits("20247315################"));
}


/* keys longer than the search window, and long runs, still work */

static void
test_estimate_long_keys(void **state)
{
    size_t    i;
    unsigned  bits;
    char      key[1025];

    (void) state;

    memset(key, 'a', 1024);
    key[1024] = '\0';
    assert_true(ei_bits(key) < 200);

    for (i = 0; i < 1024; i++) {
        key[i] = ei_hex16[i / 32 % 2][i % 32];
    }

    /* two blocks over and over, found again in each window of the
     * search: far less than 4 bits a digit */

    bits = ei_bits(key);
    assert_true(bits >= 256);
    assert_true(bits < 4096 / 2);

    for (i = 0; i < 1024; i++) {
        key[i] = (char) (0x21 + (i * 7919 + i / 94) % 94);
    }

    assert_true(ei_bits(key) > 0);
}


/*
 * A weak block said again and again is weak at every length up to the
 * longest ei_hmac_key_max_length allows: the estimate once costed each
 * 256-byte window apart and added them up, accepting `password` x 128.
 */

static void
test_repeated_weak_blocks_are_weak_at_every_length(void **state)
{
    size_t         b, len, n;
    char           key[1025];
    static const char  *blocks[] = {
        "password", "0123456789abcdef", "aaaaaaaaaaaaaaab", "1", "a",
        "qwerty", "letmein", "abc123", "Passw0rd!", "please-set-me",
        "zxcvbnm,./", "9876543210", "ei_hmac_key_", NULL
    };
    const ei_strength_policy_t  max1024 = { 1024, 128 };

    (void) state;

    for (b = 0; blocks[b]; b++) {
        n = strlen(blocks[b]);

        for (len = 2 * n; len <= 1024; len++) {
            for (size_t i = 0; i < len; i++) {
                key[i] = blocks[b][i % n];
            }

            key[len] = '\0';
            ei_assert_weak(key, &max1024);
        }
    }
}


/*
 * The same blocks repeated past 256 bytes and then one character more, so
 * that no period covers the key: the search sees the whole key, and the
 * repeats across every stretch of it.  With the search in windows of 256
 * bytes, each costed alone, these were accepted ("correcthorsebattery
 * staple" x 40 then "#": 326 bits, now 87).
 */

static void
test_repeats_then_another_character_are_weak(void **state)
{
    size_t         b, len, n, i;
    char           key[1025];
    static const char  *blocks[] = {
        "password", "0123456789abcdef", "correcthorsebatterystaple",
        "Summer2024!", "qwertyuiop", "abc123", "please-set-me", "ab", "1",
        NULL
    };
    const ei_strength_policy_t  max1024 = { 1024, 128 };

    (void) state;

    for (b = 0; blocks[b]; b++) {
        n = strlen(blocks[b]);

        for (len = 257; len <= 1024; len += 41) {
            for (i = 0; i < len - 1; i++) {
                key[i] = blocks[b][i % n];
            }

            key[len - 1] = '#';
            key[len] = '\0';
            ei_assert_weak(key, &max1024);
        }
    }
}


/*
 * A block whose first characters come again inside it, said twice, then a
 * stray character, then again, in 64 bytes: the repeat is found at the
 * block's own period, behind the nearer places where it does not go on
 * (they were 179, 212 and 230 bits when only the two nearest were tried)
 */

static void
test_repeats_behind_nearer_places_are_weak(void **state)
{
    size_t         b, n, i;
    char           key[65];
    static const char  *blocks[] = {
        "2024a2024010120242024", "pass1pass2pass3", "qwe123qwe456qwe",
        NULL
    };
    const ei_strength_policy_t  max64 = { 64, 128 };

    (void) state;

    for (b = 0; blocks[b]; b++) {
        n = strlen(blocks[b]);

        for (i = 0; i < 64; i++) {
            key[i] = (i < 2 * n) ? blocks[b][i % n]
                     : (i == 2 * n) ? '"' : blocks[b][(i - 1) % n];
        }

        key[64] = '\0';
        ei_assert_weak(key, &max64);
    }
}


/*
 * In a key of few characters a block of three comes again by chance every
 * few characters, and such chance repeats must not hide a block's own
 * period: 40 random "l" and "1" said five times with one character
 * changed (200 bytes) is weak (it counted 209 bits when the first two
 * places that went on at all stopped the search).  With three more kinds
 * of character after it, the repeats are found along the hash chains
 * instead of as masks, and the change costs at most 64 bits more than
 * the same key unchanged (108 more before).
 */

static void
test_repeats_behind_chance_repeats_are_found(void **state)
{
    size_t                      i;
    char                        key[256], same[256];
    unsigned                    changed, unchanged;
    static const char           block[] =
        "l1l1ll11111llll1lll11ll11lllll11lllllll1";
    const ei_strength_policy_t  max256 = { 256, 128 };

    (void) state;

    for (i = 0; i < 5 * 40; i++) {
        same[i] = block[i % 40];
    }

    memcpy(key, same, 5 * 40);
    key[100] = (key[100] == 'l') ? '1' : 'l';
    key[200] = '\0';
    same[200] = '\0';

    ei_assert_weak(key, &max256);

    memcpy(key + 200, "xyz", 4);
    memcpy(same + 200, "xyz", 4);

    changed = ei_bits(key);
    unchanged = ei_bits(same);

    if (changed > unchanged + 64) {
        fail_msg("one changed character: %u bits, %u unchanged", changed,
                 unchanged);
    }
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(test_rule_empty_rejected),
        cmocka_unit_test(
            test_rule_printable_rejects_space_control_and_non_ascii),
        cmocka_unit_test(test_rule_printable_accepts_every_visible_character),
        cmocka_unit_test(test_rule_max_length_default_32),
        cmocka_unit_test(test_rule_max_length_names_the_policy_length),
        cmocka_unit_test(test_rules_apply_in_order),
        cmocka_unit_test(test_rule_min_bits_message),
        cmocka_unit_test(test_rule_min_bits_verdict_ok_and_bits_out),
        cmocka_unit_test(test_messages_never_quote_the_key),
        cmocka_unit_test(test_estimate_alphabet_times_length),
        cmocka_unit_test(test_estimate_ignores_chance_patterns),
        cmocka_unit_test(test_placeholders_rejected),
        cmocka_unit_test(test_rule_repeated_block),
        cmocka_unit_test(test_rule_runs),
        cmocka_unit_test(test_rule_sequences),
        cmocka_unit_test(test_rule_keyboard_walks),
        cmocka_unit_test(test_rule_few_distinct_characters),
        cmocka_unit_test(test_rule_dictionary_words),
        cmocka_unit_test(test_rule_dictionary_lookup_covers_the_list),
        cmocka_unit_test(test_rule_dates),
        cmocka_unit_test(test_estimate_long_keys),
        cmocka_unit_test(test_repeated_weak_blocks_are_weak_at_every_length),
        cmocka_unit_test(test_repeats_then_another_character_are_weak),
        cmocka_unit_test(test_repeats_behind_nearer_places_are_weak),
        cmocka_unit_test(test_repeats_behind_chance_repeats_are_found),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
