/*
 * The strength estimate alone, key by key, for make bench: run under
 * callgrind, it zeroes the counts before each key and dumps them after it
 * (client requests), so that each dump holds the instructions of one
 * estimate.  Each key is estimated once before, so that nothing counted
 * is a first touch of a table.  Prints, a line each key:
 *
 *   NAME LENGTH BITS
 *
 * Keys up to 32 bytes are the ones the default policy estimates; the long
 * ones, up to 1024 bytes (the largest ei_hmac_key_max_length), are weak
 * blocks repeated, runs, periods broken by one character, and keys of
 * random characters.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <valgrind/callgrind.h>

#include "ei_strength.h"


#define KEY_MAX  1024


static size_t
repeat(char *out, const char *block, size_t times, const char *tail)
{
    size_t  n, len;

    len = strlen(block);

    for (n = 0; n < times; n++) {
        memcpy(out + n * len, block, len);
    }

    strcpy(out + times * len, tail);

    return strlen(out);
}


/* random characters of alphabet, from a fixed seed: the same every run */

static size_t
noise(char *out, const char *alphabet, size_t len)
{
    size_t    i, n;
    unsigned  x;

    n = strlen(alphabet);
    x = 2463534242u;

    for (i = 0; i < len; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        out[i] = alphabet[x % n];
    }

    out[len] = '\0';

    return len;
}


static void
measure(const char *name, const char *key, size_t len)
{
    unsigned  bits;

    bits = ei_strength_bits((const unsigned char *) key, len);

    CALLGRIND_ZERO_STATS;
    bits = ei_strength_bits((const unsigned char *) key, len);
    CALLGRIND_DUMP_STATS_AT(name);

    printf("%s %zu %u\n", name, len, bits);
}


int
main(void)
{
    size_t       n;
    static char  k[KEY_MAX + 1];

    static const char  *const short_keys[][2] = {
        { "hex32",       "3f9a1c0e7b2d4f68a5c9e01b7d3f2a64" },
        { "base64_24",   "q8Vd0Zr+T3kY7mW1sX9aB2cN" },
        { "password1",   "password1" },
        { "seq32",       "0123456789abcdef0123456789abcdef" },
        { "run32",       "11111111111111111111111111111111" },
        { "run31_b",     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab" },
        { "period3_32",  "abcabcabcabcabcabcabcabcabcabcab" },
        { "walks32",     "qwertyuiopasdfghjklzxcvbnm123456" },
        { "zigzag32",    "1q2w3e4r5t6y7u8i9o0p1q2w3e4r5t6y" },
        { "words32",     "passwordpasswordpassword12345678" },
        { "mixed32",     "P@ssw0rd1990-05-17Qwerty!Summer" },
        { "leet32",      "Tr0ub4dor&3Tr0ub4dor&3Tr0ub4dor&" },
        { "dates32",     "19900517200101312024-03-1531122" }
    };

    /* keys of up to 1024 bytes: a block said again and again, then a tail */
    static const struct {
        const char  *name;
        const char  *block;
        size_t       times;
        const char  *tail;
    } long_keys[] = {
        { "run1024_1",       "1", 1024, "" },
        { "run1024_a",       "a", 1024, "" },
        { "run1023_b",       "a", 1023, "b" },
        { "period2_1023_c",  "ab", 511, "c" },
        { "password_x128",   "password", 128, "" },
        { "password_x127_1", "password", 127, "1" },
        { "seq16_x64",       "0123456789abcdef", 64, "" },
        { "seq16_x63_x",     "0123456789abcdef", 63, "x" },
        { "seq10_x100_x",    "0123456789", 100, "x" },
        { "numpad_x113_x",   "789456123", 113, "x" },
        { "columns_x33_x",   "qazwsxedcrfvtgbyhnujmik,ol.p;/", 33, "x" },
        { "capwalk_x63_x",   "1qaz2WSX3edc4RFV", 63, "x" },
        { "date_x127_x",     "19850612", 127, "x" },
        { "zigzag_x50_x",    "1q2w3e4r5t6y7u8i9o0p", 50, "x" },
        { "aaab_x64",        "aaaaaaaaaaaaaaab", 64, "" },
        { "phrase_x40_1",    "correcthorsebatterystaple", 40, "1" }
    };

    for (n = 0; n < sizeof(short_keys) / sizeof(short_keys[0]); n++) {
        measure(short_keys[n][0], short_keys[n][1],
                strlen(short_keys[n][1]));
    }

    for (n = 0; n < sizeof(long_keys) / sizeof(long_keys[0]); n++) {
        measure(long_keys[n].name, k,
                repeat(k, long_keys[n].block, long_keys[n].times,
                       long_keys[n].tail));
    }

    measure("hex1024", k, noise(k, "0123456789abcdef", 1024));
    measure("base64_1024", k,
            noise(k, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                     "0123456789+/", 1024));
    measure("digits1024", k, noise(k, "0123456789", 1024));
    measure("walkchars1024", k, noise(k, "qwertyuiop", 1024));
    measure("binary1024", k, noise(k, "01", 1024));
    measure("ternary1024", k, noise(k, "abc", 1024));

    /*
     * the costliest found: a word ("ill", "Ill") or a year ("2020")
     * everywhere, and a repeat almost everywhere; "1" twice as often as
     * "L", and five kinds with "1" half of the time
     */
    measure("l1_1024", k, noise(k, "l1", 1024));
    measure("y20_1024", k, noise(k, "20", 1024));
    measure("11L_1024", k, noise(k, "11L", 1024));
    measure("1111ILl!_1024", k, noise(k, "1111ILl!", 1024));

    return 0;
}
