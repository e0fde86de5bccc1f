/*
 * Years from 1900 to 2099 and dates from a position
 * (ei_strength_match.c): YYYYMMDD, DDMMYYYY or MMDDYYYY, with one
 * separator or none.
 */

#include <stdint.h>
#include <string.h>

#include "ei_strength_search.h"


typedef struct {
    size_t       width;
    int          lo;
    int          hi;
} ei_date_field_t;


static const ei_date_field_t  ei_date_year = { 4, 1900, 2099 };
static const ei_date_field_t  ei_date_month = { 2, 1, 12 };
static const ei_date_field_t  ei_date_day = { 2, EI_DAY_MIN, EI_DAY_MAX };

static const ei_date_field_t  *const ei_date_orders[][3] = {
    { &ei_date_year, &ei_date_month, &ei_date_day },
    { &ei_date_day, &ei_date_month, &ei_date_year },
    { &ei_date_month, &ei_date_day, &ei_date_year }
};


static void ei_match_digit_dates(ei_search_t *s, size_t i);
static int ei_date_in(const ei_date_field_t *field, int v);
static size_t ei_date_len(const unsigned char *key, size_t avail,
    const ei_date_field_t *const *order);
static int ei_year_at(const unsigned char *key, size_t avail, size_t at);
static int ei_number(const unsigned char *key, size_t n);


/* years 1900-2099, and dates as YYYYMMDD, DDMMYYYY or MMDDYYYY */

void
ei_match_dates(ei_search_t *s, size_t i)
{
    int                   year;
    size_t                n, o, avail, digits;
    const unsigned char  *key;

    key = s->key + i;
    avail = s->len - i;

    if (avail < 4) {
        return;
    }

    if (EI_STRENGTH_REFERENCE
        && (key[0] < '0' || key[0] > '9' || key[1] < '0' || key[1] > '9'))
    {
        return;
    }

    /*
     * every form holds a year (of 19.. or 20..): first, or after the day
     * and the month, with separators or without
     */

    if (!ei_year_at(key, avail, 0) && !ei_year_at(key, avail, 4)
        && !ei_year_at(key, avail, 6))
    {
        return;
    }

    /*
     * the window saw two digits from 01 to 31 here; the digits that follow,
     * up to the eight of a date without separators
     */

    for (digits = 2; digits < avail && digits < 8; digits++) {
        if (key[digits] < '0' || key[digits] > '9') {
            break;
        }
    }

    if (digits >= 8) {
        ei_match_digit_dates(s, i);

    } else if (digits >= ei_date_year.width) {
        year = ei_number(key, ei_date_year.width);

        if (ei_date_in(&ei_date_year, year)) {
            ei_relax(s, i, i + ei_date_year.width, EI_YEAR_BITS);
        }
    }

    /* or the first field and a separator */

    if (digits == avail || !ei_is_date_sep(key[digits])) {
        return;
    }

    for (o = 0; o < sizeof(ei_date_orders) / sizeof(ei_date_orders[0]); o++) {
        if (ei_date_orders[o][0]->width == digits) {
            n = ei_date_len(key, avail, ei_date_orders[o]);

            if (n) {
                ei_relax(s, i, i + n, EI_DATE_BITS + EI_DATE_SEP_BITS);
            }
        }
    }
}


/*
 * The year and the dates of eight digits from i, which every form reads
 * as four numbers of two digits: YYYY MM DD, DD MM YYYY, MM DD YYYY
 */

static void
ei_match_digit_dates(ei_search_t *s, size_t i)
{
    int                   n[4], year;
    size_t                k;
    const unsigned char  *key;

    key = s->key + i;

    for (k = 0; k < 4; k++) {
        n[k] = (key[2 * k] - '0') * 10 + (key[2 * k + 1] - '0');
    }

    year = n[0] * 100 + n[1];

    if (ei_date_in(&ei_date_year, year)) {
        ei_relax(s, i, i + ei_date_year.width, EI_YEAR_BITS);

        if (ei_date_in(&ei_date_month, n[2]) && ei_date_in(&ei_date_day, n[3]))
        {
            ei_relax(s, i, i + 8, EI_DATE_BITS);
        }
    }

    if (!ei_date_in(&ei_date_year, n[2] * 100 + n[3])) {
        return;
    }

    if (ei_date_in(&ei_date_day, n[0]) && ei_date_in(&ei_date_month, n[1])) {
        ei_relax(s, i, i + 8, EI_DATE_BITS);
    }

    if (ei_date_in(&ei_date_month, n[0]) && ei_date_in(&ei_date_day, n[1])) {
        ei_relax(s, i, i + 8, EI_DATE_BITS);
    }
}


/* whether v is a value of the field */

static int
ei_date_in(const ei_date_field_t *field, int v)
{
    return v >= field->lo && v <= field->hi;
}


/* length of a date in the given order, its fields parted by one separator */

static size_t
ei_date_len(const unsigned char *key, size_t avail,
    const ei_date_field_t *const *order)
{
    size_t                  pos;
    unsigned                f, sep;
    const ei_date_field_t  *field;

    pos = 0;
    sep = 0;

    for (f = 0; f < 3; f++) {
        field = order[f];

        if (f > 0) {
            if (pos >= avail) {
                return 0;
            }

            if (f == 1) {
                sep = key[pos];

                if (!ei_is_date_sep(sep)) {
                    return 0;
                }

            } else if (key[pos] != sep) {
                return 0;
            }

            pos++;
        }

        if (avail - pos < field->width
            || !ei_date_in(field, ei_number(key + pos, field->width)))
        {
            return 0;
        }

        pos += field->width;
    }

    return pos;
}


/* whether a year of ei_date_year may start at key[at]: its century */

static int
ei_year_at(const unsigned char *key, size_t avail, size_t at)
{
    int  century;

    if (at + 2 > avail) {
        return 0;
    }

    century = ei_number(key + at, 2);

    return century >= ei_date_year.lo / 100
           && century <= ei_date_year.hi / 100;
}


/* the value of n decimal digits, or -1 */

static int
ei_number(const unsigned char *key, size_t n)
{
    int     v;
    size_t  i;

    v = 0;

    for (i = 0; i < n; i++) {
        if (key[i] < '0' || key[i] > '9') {
            return -1;
        }

        v = v * 10 + (key[i] - '0');
    }

    return v;
}
