/*
 * Strength estimate of an hmacKey (README "How hmacKey strength is
 * estimated").
 *
 * The estimate is the length, in bits, of the cheapest description of the
 * key.  Each character costs the bits of the smallest standard alphabet
 * that holds the whole key, unless a stretch of the key is cheaper to
 * describe as a pattern: a repeat of an earlier block or of one character,
 * an ascending or descending sequence, a keyboard walk, a dictionary word
 * (capitalized, upper case, leet or backward too), a year or a date.  The
 * key is also described as a choice of the few distinct characters it
 * uses, then each character among those.  The search for the cheapest
 * description runs from the end of the key to its start, so that each
 * position sees the best cost of what follows it.
 *
 * Random keys hold short patterns too, by chance.  So that they are not
 * penalized, the patterns count only when together they save at least
 * EI_STRENGTH_SURPRISE bits over the plain count, which the keys of a good
 * generator do about once in a million or less: the 32 hex digits of
 * "openssl rand -hex 16" are worth exactly 128 bits, the default minimum,
 * and must not lose a single bit by chance.
 *
 * The estimate runs on every request, and the keys of a good generator
 * must be cheap to judge.  One pass over the key first marks, with table
 * lookups, where each kind of pattern may start: a block of three seen
 * before, three letters that begin a word, adjacent keys, digits.  Then a
 * bound sums, position by position, the most that a pattern found there
 * could save; patterns that do not overlap are counted at distinct
 * positions, so no description saves more.  When the bound stays under the
 * surprise, the plain count is the answer, exactly as the search would
 * find it; the search runs only for keys that hold patterns.
 *
 * Costs are integers in millibits: no libm, and 32 hex digits are exactly
 * 128000.  Nothing here allocates or keeps state, and the tables are built
 * at compile time.
 */

#include <stdint.h>
#include <string.h>

#include "ei_strength.h"


/* millibits in a bit */
#define EI_MB                   1000

/* least saving, in bits, for which the patterns found count at all */
#define EI_STRENGTH_SURPRISE    22

/* a key is searched for patterns in windows of this many bytes */
#define EI_STRENGTH_WINDOW      256

/* the longest key whose period is looked for: ei_hmac_key_max_length's */
#define EI_STRENGTH_PERIOD_MAX  1024

/* farthest back a repeated block is looked for */
#define EI_REPEAT_PERIOD        64

/* farthest back a block with a step of one ("a1b2c3") is looked for */
#define EI_STEP_PERIOD          4

/*
 * Costs of the patterns, in millibits.  Each pattern pays for saying that
 * a pattern comes rather than a character, and what it is: the period and
 * the length of a repeat (2 log2 length, as a length code needs), the
 * walk, the word, the year.
 */
#define EI_PATTERN_BITS         5000    /* a pattern comes, and which kind */
#define EI_NEXT_PATTERN_BITS    2000    /* the same, just after another */
#define EI_REPEAT_BITS          1585    /* log2(3): same, up or down */
#define EI_WALK_BITS            7000    /* which walk, from where */
#define EI_REVERSED_BITS        1000    /* read backward */
#define EI_LEET_BITS            2000    /* each leet substitute, which */
#define EI_YEAR_BITS            7644    /* log2(200): 1900 to 2099 */
#define EI_DATE_BITS            17767   /* log2(200 * 12 * 31 * 3 orders) */
#define EI_DATE_SEP_BITS        2000    /* one of four separators */

/* shortest repeat (after the block it repeats), walk and backward word */
#define EI_REPEAT_MIN           3
#define EI_WALK_MIN             3
#define EI_REVERSED_MIN         4

#define EI_INFINITE             (UINT32_MAX / 4)

/*
 * The blocks of three characters of a window are chained in lists by
 * their hash, (block * EI_BLOCK_HASH_MUL) >> (32 - EI_BLOCK_HASH_BITS):
 * the hash of the block plus 0x010101 is that of EI_BLOCK_HASH_STEP more.
 */
#define EI_BLOCK_HASH_BITS      8
#define EI_BLOCK_HASH_SIZE      (1 << EI_BLOCK_HASH_BITS)
#define EI_BLOCK_HASH_MUL       0x9e3779b1u
#define EI_BLOCK_HASH_STEP      ((uint32_t) (0x010101u * EI_BLOCK_HASH_MUL))

/*
 * Letters are indexes from 0 for 'a'; EI_NO_LETTER, the 27th, stands for
 * a character that is no letter, or for none, and begins no word.  The
 * dictionary is indexed by the prefixes of three letters of its words:
 * EI_PREFIXES of them, and no word has fewer letters.
 */
#define EI_LETTERS              27
#define EI_NO_LETTER            26
#define EI_PREFIX               3
#define EI_PREFIXES             1179
#define EI_WORD_ENDS            (1u << EI_NO_LETTER)

/* the places of characters in ei_walks, spaces left out */
#define EI_WALK_CHARS           608

/* what a glance at the window shows may start at a position */
#define EI_MAY_REPEAT           0x01
#define EI_MAY_STEP             0x02
#define EI_MAY_WALK             0x04
#define EI_MAY_LONG_WALK        0x08    /* walk_min characters at least */
#define EI_MAY_WORD             0x10    /* forward */
#define EI_MAY_DROW             0x20    /* backward, ending there */
#define EI_MAY_DATE             0x40


/* the kinds of character that tell which alphabet a key is drawn from */
#define EI_CH_DIGIT             0x01
#define EI_CH_HEX_LOWER         0x02    /* a-f */
#define EI_CH_LOWER             0x04    /* g-z */
#define EI_CH_HEX_UPPER         0x08    /* A-F */
#define EI_CH_UPPER             0x10    /* G-Z */
#define EI_CH_BASE64            0x20    /* + / = - _ */
#define EI_CH_OTHER             0x40

#define EI_CH_LOWERS            (EI_CH_HEX_LOWER | EI_CH_LOWER)
#define EI_CH_UPPERS            (EI_CH_HEX_UPPER | EI_CH_UPPER)
#define EI_CH_ALNUM             (EI_CH_DIGIT | EI_CH_LOWERS | EI_CH_UPPERS)

/* the character tables cover ASCII */
#define EI_CHARS                128

#define ei_is_printable(c)      ((c) >= 0x21 && (c) <= 0x7e)

/* the characters lo to hi, within one half of ASCII, as bits of a half */
#define ei_chars(lo, hi)                                                     \
    ((~(uint64_t) 0 >> (63 - ((hi) - (lo)))) << ((lo) % 64))

#define ei_is_date_sep(c)                                                    \
    ((c) == '-' || (c) == '/' || (c) == '.' || (c) == '_')


typedef struct {
    unsigned     kinds;                 /* kinds of character it holds */
    unsigned     size;
    uint32_t     bits;                  /* log2(size), millibits */
} ei_alphabet_t;


typedef struct {
    const char  *word;
    unsigned     bits;                  /* naming the word among all */
} ei_word_t;


typedef struct {
    size_t       width;
    int          lo;
    int          hi;
} ei_date_field_t;


typedef struct {
    const unsigned char  *key;          /* the window searched */
    size_t                len;

    /*
     * millibits of a character outside any pattern: drawn from the whole
     * alphabet, or from the few distinct characters that the key uses
     */
    uint32_t              step[2];

    /*
     * Set while bounding rather than searching: ei_relax() then keeps in
     * gain[k] the most that one pattern found at the current position
     * saves with step[k], and cost[] is not used.  walk_min is the
     * shortest walk that saves anything at all (EI_MAY_LONG_WALK); the
     * search needs every walk.
     */
    unsigned              bound;
    int32_t               gain[2];
    size_t                walk_min;

    /*
     * cost[k][p][i]: the cheapest description of key[i..len) with step[k],
     * p telling whether a pattern ends just before i
     */
    uint32_t              cost[2][2][EI_STRENGTH_WINDOW + 1];

    /*
     * Where the three characters from i were seen before: the earlier
     * positions whose block hashes alike are chained, prev[i] and head[h]
     * holding one more than the position (254 at most), or 0.  A repeat
     * is looked for only there, instead of at every period.
     */
    unsigned char         head[EI_BLOCK_HASH_SIZE];
    unsigned char         prev[EI_STRENGTH_WINDOW];

    /*
     * the letters that each character is or stands for, as indexes (two
     * at most, EI_NO_LETTER after the last)
     */
    unsigned char         letter[EI_STRENGTH_WINDOW][2];

    /* EI_MAY_...: the kinds of pattern that may start at i */
    unsigned char         may[EI_STRENGTH_WINDOW];
} ei_search_t;


/*
 * The standard alphabets, smallest first; a key is costed in the first one
 * that holds all its characters.  Base64 counts as 6 bits whether it is
 * the standard or the URL-safe one.
 */
static const ei_alphabet_t  ei_alphabets[] = {
    { EI_CH_DIGIT,                                  10, 3322 },
    { EI_CH_DIGIT | EI_CH_HEX_LOWER,                16, 4000 },
    { EI_CH_DIGIT | EI_CH_HEX_UPPER,                16, 4000 },
    { EI_CH_LOWERS,                                 26, 4700 },
    { EI_CH_UPPERS,                                 26, 4700 },
    { EI_CH_DIGIT | EI_CH_LOWERS,                   36, 5170 },
    { EI_CH_DIGIT | EI_CH_UPPERS,                   36, 5170 },
    { EI_CH_LOWERS | EI_CH_UPPERS,                  52, 5700 },
    { EI_CH_ALNUM,                                  62, 5954 },
    { EI_CH_ALNUM | EI_CH_BASE64,                   64, 6000 },
    { EI_CH_ALNUM | EI_CH_BASE64 | EI_CH_OTHER,     94, 6555 }
};


/*
 * Sequences and keyboard walks, read forward or backward, letters in any
 * case, each between spaces, which no key holds.  Plain ASCII sequences
 * ("abc", "987") are found as repeats with a step; the alphabet here adds
 * the hex digits' run from 9 on to a.  ei_adjacent and ei_walk_at below
 * are made from it.
 */
static const char  ei_walks[] =
    " 0123456789abcdefghijklmnopqrstuvwxyz"

    /* rows: US, shifted US, German, French */
    " `1234567890-= qwertyuiop[]\\ asdfghjkl;' zxcvbnm,./ ~!@#$%^&*()_+"
    " qwertzuiop yxcvbnm azertyuiop qsdfghjklm wxcvbn"

    /* columns: top down, bottom up, both in turn, plain and shifted */
    " 1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/-['=]"
    " zaq1xsw2cde3vfr4bgt5nhy6mju7,ki8.lo9/;p0'[-]="
    " 1qazxsw23edcvfr45tgbnhy67ujm,ki89ol./;p0"
    " zaq12wsxcde34rfvbgt56yhnmju78ik,.lo90p;/"
    " qazwsxedcrfvtgbyhnujmik,ol.p;/ zaqxswcdevfrbgtnhymju,ki.lo/;p"
    " !qaz@wsx#edc$rfv%tgb^yhn&ujm*ik<(ol>)p:?"
    " zaq!xsw@cde#vfr$bgt%nhy^mju&<ki*>lo(?:p)"

    /* zigzags between two rows */
    " 1q2w3e4r5t6y7u8i9o0p-[=] q1w2e3r4t5y6u7i8o9p0[-]="
    " qawsedrftgyhujikolp;[' aqswdefrgthyjukilo;p'["
    " azsxdcfvgbhnjmk,l.;/ zaxscdvfbgnhmj,k.l/;"

    /* numeric keypad */
    " 789456123 147258369 741852963 ";


static const ei_date_field_t  ei_date_year = { 4, 1900, 2099 };
static const ei_date_field_t  ei_date_month = { 2, 1, 12 };
static const ei_date_field_t  ei_date_day = { 2, 1, 31 };

static const ei_date_field_t  *const ei_date_orders[][3] = {
    { &ei_date_year, &ei_date_month, &ei_date_day },
    { &ei_date_day, &ei_date_month, &ei_date_year },
    { &ei_date_month, &ei_date_day, &ei_date_year }
};


/*
 * The letters that digits and symbols stand for in leet spellings
 * ("p@ssw0rd"), two at most.
 */
static const char  ei_leet[EI_CHARS][3] = {
    ['!'] = "i",
    ['$'] = "s",
    ['0'] = "o",
    ['1'] = "il",
    ['2'] = "z",
    ['3'] = "e",
    ['4'] = "a",
    ['5'] = "s",
    ['6'] = "g",
    ['7'] = "t",
    ['8'] = "b",
    ['9'] = "g",
    ['@'] = "a"
};

/* letters as bit sets; the 27th, EI_NO_LETTER, is in none */
#define ei_letter(c)            (1u << ((c) - 'a'))
#define ei_letter_bit(x)        ((1u << (x)) & 0x3ffffff)


/*
 * Dictionary words, lowercase, three letters at least, sorted (the prefix
 * index below is made from the order), with the bits that name one:
 * 7 for the commonest passwords and placeholders, 8 for Edge Impulse, IoT
 * and IT words, 10 for common English words, months, days and first names,
 * 11 for more English words, as passphrase generators draw them.  Words
 * made only of the letters a-f and shorter than 6 are left out: random hex
 * keys are full of them.
 */
static const ei_word_t  ei_words[] = {
    { "aaron", 10 }, { "abigail", 10 }, { "able", 11 }, { "about", 10 },
    { "above", 10 }, { "accel", 8 }, { "accelerometer", 8 }, { "accept", 11 },
    { "access", 7 }, { "account", 8 }, { "across", 11 }, { "act", 11 },
    { "action", 11 }, { "active", 11 }, { "actor", 11 }, { "adam", 10 },
    { "address", 11 }, { "admin", 7 }, { "administrator", 7 }, { "admins", 8 },
    { "adult", 11 }, { "advice", 11 }, { "afraid", 11 }, { "after", 10 },
    { "again", 10 }, { "age", 11 }, { "agent", 11 }, { "agree", 11 },
    { "ahead", 11 }, { "ahmed", 10 }, { "aim", 11 }, { "air", 10 },
    { "alan", 10 }, { "alarm", 11 }, { "albert", 10 }, { "album", 11 },
    { "alert", 11 }, { "alex", 10 }, { "alexander", 10 }, { "alexis", 10 },
    { "ali", 10 }, { "alice", 10 }, { "alien", 11 }, { "alive", 11 },
    { "all", 10 }, { "allow", 11 }, { "alone", 11 }, { "along", 11 },
    { "alpha", 8 }, { "already", 11 }, { "also", 10 }, { "always", 10 },
    { "amanda", 10 }, { "amazing", 11 }, { "amazon", 8 }, { "amber", 10 },
    { "america", 10 }, { "amit", 10 }, { "among", 11 }, { "amount", 11 },
    { "amsterdam", 10 }, { "amy", 10 }, { "ana", 10 }, { "ancient", 11 },
    { "and", 10 }, { "andrea", 10 }, { "andrew", 10 }, { "android", 8 },
    { "angel", 7 }, { "angela", 10 }, { "anger", 11 }, { "angle", 11 },
    { "angry", 11 }, { "anil", 10 }, { "animal", 10 }, { "ankle", 11 },
    { "ann", 10 }, { "anna", 10 }, { "another", 10 }, { "answer", 10 },
    { "anthony", 10 }, { "antonio", 10 }, { "any", 10 }, { "apart", 11 },
    { "api", 8 }, { "apikey", 7 }, { "app", 8 }, { "appear", 11 },
    { "apple", 8 }, { "application", 8 }, { "apr", 10 }, { "april", 10 },
    { "arduino", 8 }, { "are", 11 }, { "area", 10 }, { "arm", 11 },
    { "army", 10 }, { "around", 10 }, { "arrive", 11 }, { "arrow", 11 },
    { "arsenal", 10 }, { "art", 10 }, { "arthur", 10 }, { "artist", 11 },
    { "asdf", 7 }, { "ashley", 10 }, { "ask", 11 }, { "asleep", 11 },
    { "atom", 10 }, { "attack", 11 }, { "audio", 8 }, { "aug", 10 },
    { "august", 10 }, { "aunt", 11 }, { "austin", 10 }, { "auth", 8 },
    { "autumn", 10 }, { "avoid", 11 }, { "awake", 11 }, { "award", 11 },
    { "aware", 11 }, { "away", 10 }, { "awesome", 11 }, { "azerty", 7 },
    { "baby", 10 }, { "back", 10 }, { "backend", 8 }, { "backup", 8 },
    { "bacon", 11 }, { "badge", 11 }, { "bag", 11 }, { "bake", 11 },
    { "balance", 11 }, { "ball", 10 }, { "banana", 10 }, { "band", 11 },
    { "bank", 10 }, { "banner", 11 }, { "bar", 7 }, { "barbara", 10 },
    { "barcelona", 10 }, { "barn", 11 }, { "barrel", 11 }, { "base", 10 },
    { "baseball", 7 }, { "basic", 11 }, { "basket", 11 }, { "basketball", 10 },
    { "bat", 11 }, { "bath", 11 }, { "batman", 7 }, { "battery", 11 },
    { "battle", 11 }, { "baz", 7 }, { "beach", 11 }, { "bean", 11 },
    { "bear", 10 }, { "beard", 11 }, { "beast", 11 }, { "beat", 11 },
    { "beautiful", 10 }, { "beauty", 11 }, { "become", 11 }, { "beer", 11 },
    { "before", 10 }, { "begin", 10 }, { "behind", 11 }, { "believe", 11 },
    { "bell", 11 }, { "belong", 11 }, { "belt", 11 }, { "ben", 10 },
    { "bench", 11 }, { "bend", 11 }, { "benjamin", 10 }, { "berlin", 10 },
    { "berry", 11 }, { "best", 10 }, { "beta", 8 }, { "better", 10 },
    { "betty", 10 }, { "beverly", 10 }, { "big", 10 }, { "bike", 11 },
    { "bill", 10 }, { "billy", 10 }, { "bind", 11 }, { "bird", 10 },
    { "birth", 11 }, { "bit", 11 }, { "bite", 11 }, { "bitter", 11 },
    { "black", 10 }, { "blade", 11 }, { "blah", 7 }, { "blame", 11 },
    { "blank", 7 }, { "blanket", 11 }, { "blast", 11 }, { "blind", 11 },
    { "block", 11 }, { "blood", 10 }, { "bloom", 11 }, { "blossom", 10 },
    { "blow", 11 }, { "blue", 10 }, { "bluetooth", 8 }, { "board", 8 },
    { "boat", 10 }, { "bob", 10 }, { "bobby", 10 }, { "body", 10 },
    { "bold", 11 }, { "bolt", 11 }, { "bomb", 11 }, { "bond", 11 },
    { "bone", 10 }, { "bonus", 11 }, { "book", 10 }, { "boot", 11 },
    { "border", 11 }, { "boring", 11 }, { "boss", 11 }, { "boston", 10 },
    { "bottle", 11 }, { "bottom", 11 }, { "bounce", 11 }, { "bow", 11 },
    { "bowl", 11 }, { "box", 10 }, { "boy", 10 }, { "brain", 10 },
    { "branch", 11 }, { "brand", 11 }, { "brandon", 10 }, { "brave", 11 },
    { "bread", 10 }, { "break", 10 }, { "brenda", 10 }, { "brian", 10 },
    { "brick", 11 }, { "bridge", 11 }, { "brief", 11 }, { "bright", 10 },
    { "bring", 11 }, { "brittany", 10 }, { "broken", 11 }, { "brother", 10 },
    { "brown", 10 }, { "bruce", 10 }, { "brush", 11 }, { "bryan", 10 },
    { "bubble", 11 }, { "bucket", 11 }, { "budget", 11 }, { "buffalo", 10 },
    { "bug", 11 }, { "build", 10 }, { "bull", 10 }, { "bullet", 11 },
    { "bunch", 11 }, { "burn", 11 }, { "burst", 11 }, { "bus", 11 },
    { "bush", 11 }, { "business", 10 }, { "buster", 7 }, { "busy", 11 },
    { "but", 11 }, { "butter", 11 }, { "butterfly", 10 }, { "button", 11 },
    { "buy", 11 }, { "cabin", 11 }, { "cable", 11 }, { "cage", 11 },
    { "cake", 11 }, { "california", 10 }, { "call", 10 }, { "calm", 11 },
    { "camera", 8 }, { "camp", 11 }, { "can", 10 }, { "canada", 10 },
    { "canal", 11 }, { "candle", 11 }, { "candy", 10 }, { "cannon", 11 },
    { "canvas", 11 }, { "cap", 11 }, { "capital", 11 }, { "captain", 11 },
    { "car", 10 }, { "carbon", 11 }, { "card", 10 }, { "care", 10 },
    { "career", 11 }, { "cargo", 11 }, { "carl", 10 }, { "carlos", 10 },
    { "carmen", 10 }, { "carol", 10 }, { "carolyn", 10 }, { "carpet", 11 },
    { "carry", 10 }, { "cart", 11 }, { "case", 10 }, { "cash", 11 },
    { "castle", 10 }, { "cat", 10 }, { "catch", 10 }, { "catherine", 10 },
    { "cause", 11 }, { "cave", 11 }, { "ceiling", 11 }, { "cell", 11 },
    { "cement", 11 }, { "center", 10 }, { "century", 11 }, { "chain", 11 },
    { "chair", 10 }, { "chalk", 11 }, { "champion", 11 }, { "chance", 11 },
    { "change", 7 }, { "changeme", 7 }, { "channel", 11 }, { "chaos", 11 },
    { "chapter", 11 }, { "charge", 11 }, { "charles", 10 }, { "charlie", 7 },
    { "charlotte", 10 }, { "chase", 11 }, { "chat", 11 }, { "cheap", 11 },
    { "check", 11 }, { "cheese", 7 }, { "cheetah", 10 }, { "chef", 11 },
    { "chelsea", 10 }, { "chen", 10 }, { "cherry", 10 }, { "cheryl", 10 },
    { "chess", 11 }, { "chest", 11 }, { "chicago", 10 }, { "chicken", 10 },
    { "chief", 11 }, { "child", 10 }, { "children", 10 }, { "china", 10 },
    { "chip", 11 }, { "chloe", 10 }, { "chocolate", 10 }, { "choice", 11 },
    { "choose", 11 }, { "chris", 10 }, { "christian", 10 },
    { "christina", 10 }, { "christine", 10 }, { "chunk", 11 }, { "cipher", 8 },
    { "circle", 11 }, { "citizen", 11 }, { "city", 10 }, { "civil", 11 },
    { "claim", 11 }, { "clap", 11 }, { "class", 10 }, { "classifier", 8 },
    { "claw", 11 }, { "clay", 11 }, { "clean", 10 }, { "clear", 10 },
    { "clever", 11 }, { "click", 11 }, { "client", 8 }, { "cliff", 11 },
    { "climb", 11 }, { "clock", 11 }, { "close", 10 }, { "cloth", 11 },
    { "cloud", 8 }, { "clown", 11 }, { "club", 11 }, { "coach", 11 },
    { "coast", 11 }, { "coat", 11 }, { "cobra", 10 }, { "coconut", 11 },
    { "code", 8 }, { "coder", 8 }, { "coffee", 10 }, { "coin", 11 },
    { "cold", 10 }, { "collect", 11 }, { "color", 10 }, { "column", 11 },
    { "combine", 11 }, { "come", 10 }, { "comfort", 11 }, { "comic", 11 },
    { "common", 11 }, { "company", 8 }, { "computer", 7 }, { "config", 8 },
    { "configure", 8 }, { "console", 8 }, { "control", 8 }, { "cookie", 10 },
    { "cool", 10 }, { "copper", 11 }, { "copy", 11 }, { "coral", 11 },
    { "core", 11 }, { "corn", 11 }, { "corner", 10 }, { "corp", 8 },
    { "correct", 11 }, { "cosmos", 10 }, { "cost", 11 }, { "cotton", 11 },
    { "couch", 11 }, { "count", 11 }, { "country", 10 }, { "couple", 11 },
    { "courage", 11 }, { "course", 10 }, { "cousin", 11 }, { "cover", 10 },
    { "cow", 10 }, { "cowboys", 10 }, { "cradle", 11 }, { "craft", 11 },
    { "crane", 11 }, { "crash", 11 }, { "crazy", 10 }, { "cream", 10 },
    { "credential", 8 }, { "credentials", 8 }, { "crew", 11 },
    { "cricket", 11 }, { "crime", 11 }, { "crisp", 11 }, { "critic", 11 },
    { "crop", 11 }, { "cross", 10 }, { "crowd", 11 }, { "crown", 10 },
    { "cruel", 11 }, { "crush", 11 }, { "cry", 11 }, { "crypto", 8 },
    { "crystal", 10 }, { "cube", 11 }, { "culture", 11 }, { "cup", 11 },
    { "curious", 11 }, { "current", 8 }, { "curtain", 11 }, { "curve", 11 },
    { "cushion", 11 }, { "custom", 11 }, { "customer", 8 }, { "cute", 11 },
    { "cyber", 10 }, { "cycle", 11 }, { "cynthia", 10 }, { "daemon", 8 },
    { "damage", 11 }, { "damp", 11 }, { "dan", 10 }, { "dance", 10 },
    { "danger", 11 }, { "daniel", 10 }, { "danielle", 10 }, { "dare", 11 },
    { "dark", 10 }, { "dash", 11 }, { "dashboard", 8 }, { "data", 8 },
    { "database", 8 }, { "dataset", 8 }, { "daughter", 10 }, { "dave", 10 },
    { "david", 10 }, { "dawn", 10 }, { "day", 10 }, { "deal", 11 },
    { "dear", 10 }, { "death", 10 }, { "debate", 11 }, { "debian", 8 },
    { "deborah", 10 }, { "debra", 10 }, { "debug", 8 }, { "december", 10 },
    { "decide", 11 }, { "decline", 11 }, { "deep", 10 }, { "deer", 11 },
    { "default", 7 }, { "defense", 11 }, { "degree", 11 }, { "delay", 11 },
    { "deliver", 11 }, { "delta", 8 }, { "demand", 11 }, { "demo", 7 },
    { "denise", 10 }, { "dennis", 10 }, { "dentist", 11 }, { "deny", 11 },
    { "deploy", 8 }, { "deployment", 8 }, { "depth", 11 }, { "desert", 11 },
    { "design", 11 }, { "desk", 11 }, { "destiny", 10 }, { "detail", 11 },
    { "dev", 8 }, { "develop", 8 }, { "development", 8 }, { "device", 8 },
    { "devices", 8 }, { "devkey", 8 }, { "dial", 11 }, { "diamond", 10 },
    { "diana", 10 }, { "diane", 10 }, { "diary", 11 }, { "diego", 10 },
    { "diet", 11 }, { "differ", 11 }, { "digit", 11 }, { "digital", 10 },
    { "dinner", 10 }, { "dirt", 11 }, { "dish", 11 }, { "distance", 11 },
    { "dive", 11 }, { "divide", 11 }, { "dizzy", 11 }, { "docker", 8 },
    { "doctor", 10 }, { "dog", 10 }, { "dollar", 10 }, { "dolphin", 10 },
    { "domain", 11 }, { "donald", 10 }, { "donkey", 11 }, { "donna", 10 },
    { "door", 10 }, { "doris", 10 }, { "dorothy", 10 }, { "double", 11 },
    { "douglas", 10 }, { "dove", 11 }, { "down", 10 }, { "draft", 11 },
    { "dragon", 7 }, { "drama", 11 }, { "draw", 11 }, { "drawer", 11 },
    { "dream", 10 }, { "dress", 10 }, { "drift", 11 }, { "drill", 11 },
    { "drink", 10 }, { "drip", 11 }, { "drive", 10 }, { "drop", 11 },
    { "drum", 11 }, { "dry", 11 }, { "duck", 10 }, { "dummy", 7 },
    { "dusk", 10 }, { "dust", 11 }, { "duty", 11 }, { "dwarf", 11 },
    { "dylan", 10 }, { "eager", 11 }, { "eagle", 10 }, { "ear", 11 },
    { "early", 10 }, { "earth", 10 }, { "east", 10 }, { "easy", 10 },
    { "eat", 10 }, { "echo", 11 }, { "edge", 7 }, { "edgeai", 8 },
    { "edgeimpulse", 7 }, { "edges", 8 }, { "edit", 11 }, { "edward", 10 },
    { "effort", 11 }, { "egg", 10 }, { "eight", 10 }, { "elbow", 11 },
    { "elder", 11 }, { "electric", 11 }, { "elegant", 11 }, { "elena", 10 },
    { "elephant", 10 }, { "eleven", 10 }, { "elijah", 10 }, { "elite", 11 },
    { "elizabeth", 10 }, { "ella", 10 }, { "else", 11 }, { "embedded", 8 },
    { "embrace", 11 }, { "emerge", 11 }, { "emily", 10 }, { "emma", 10 },
    { "emotion", 11 }, { "employ", 11 }, { "empty", 7 }, { "enable", 11 },
    { "end", 11 }, { "enemy", 11 }, { "energy", 10 }, { "engine", 10 },
    { "england", 10 }, { "enjoy", 11 }, { "enough", 11 }, { "enter", 10 },
    { "entire", 11 }, { "entry", 11 }, { "equal", 11 }, { "erase", 11 },
    { "eric", 10 }, { "error", 11 }, { "escape", 11 }, { "esp", 8 },
    { "essay", 11 }, { "estate", 11 }, { "eternity", 10 }, { "ethan", 10 },
    { "ethics", 11 }, { "eugene", 10 }, { "europe", 10 }, { "evelyn", 10 },
    { "even", 10 }, { "evening", 10 }, { "event", 11 }, { "ever", 10 },
    { "every", 10 }, { "evil", 11 }, { "exact", 11 }, { "exam", 11 },
    { "example", 7 }, { "excite", 11 }, { "exercise", 11 }, { "exile", 11 },
    { "exist", 11 }, { "exit", 11 }, { "exotic", 11 }, { "expand", 11 },
    { "expect", 11 }, { "expert", 11 }, { "explain", 11 }, { "express", 11 },
    { "external", 8 }, { "extra", 11 }, { "eye", 10 }, { "fabric", 11 },
    { "fact", 10 }, { "factory", 8 }, { "faint", 11 }, { "fair", 11 },
    { "fairy", 11 }, { "faith", 10 }, { "falcon", 10 }, { "fall", 10 },
    { "false", 11 }, { "fame", 11 }, { "family", 10 }, { "fancy", 11 },
    { "fantasy", 11 }, { "far", 10 }, { "farm", 10 }, { "fashion", 11 },
    { "fast", 10 }, { "fat", 11 }, { "father", 10 }, { "fatima", 10 },
    { "fault", 11 }, { "favorite", 11 }, { "fear", 10 }, { "feather", 11 },
    { "feature", 11 }, { "february", 10 }, { "feel", 10 }, { "felix", 10 },
    { "fence", 11 }, { "festival", 11 }, { "fever", 11 }, { "few", 10 },
    { "fiber", 11 }, { "fiction", 11 }, { "field", 8 }, { "fight", 10 },
    { "figure", 11 }, { "file", 11 }, { "film", 11 }, { "filter", 11 },
    { "final", 8 }, { "find", 11 }, { "fine", 11 }, { "finger", 11 },
    { "finish", 11 }, { "finn", 10 }, { "fire", 10 }, { "firmware", 8 },
    { "first", 8 }, { "fish", 10 }, { "fit", 11 }, { "five", 10 },
    { "fix", 11 }, { "fixme", 7 }, { "flag", 11 }, { "flame", 11 },
    { "flash", 11 }, { "flat", 11 }, { "flavor", 11 }, { "fleet", 8 },
    { "flight", 11 }, { "flip", 11 }, { "float", 11 }, { "flock", 11 },
    { "flood", 11 }, { "floor", 10 }, { "flower", 7 }, { "flute", 11 },
    { "fly", 10 }, { "foam", 11 }, { "focus", 11 }, { "fog", 11 },
    { "foil", 11 }, { "fold", 11 }, { "follow", 11 }, { "foo", 7 },
    { "foobar", 7 }, { "food", 10 }, { "foot", 10 }, { "football", 7 },
    { "for", 11 }, { "force", 10 }, { "forest", 10 }, { "forever", 10 },
    { "fork", 11 }, { "form", 11 }, { "fort", 11 }, { "fortune", 10 },
    { "fossil", 11 }, { "four", 10 }, { "fox", 10 }, { "frame", 11 },
    { "france", 10 }, { "frances", 10 }, { "frank", 10 }, { "fred", 10 },
    { "free", 10 }, { "freedom", 7 }, { "fresh", 10 }, { "fri", 10 },
    { "friday", 10 }, { "friend", 10 }, { "frog", 11 }, { "from", 10 },
    { "front", 10 }, { "frontend", 8 }, { "frost", 11 }, { "frozen", 11 },
    { "fruit", 10 }, { "fuel", 11 }, { "full", 10 }, { "fun", 10 },
    { "funny", 10 }, { "furnace", 11 }, { "fury", 11 }, { "future", 11 },
    { "gabriel", 10 }, { "gadget", 11 }, { "gain", 11 }, { "galaxy", 10 },
    { "gallery", 11 }, { "game", 10 }, { "gamer", 10 }, { "gamma", 8 },
    { "gap", 11 }, { "garage", 11 }, { "garbage", 11 }, { "garden", 10 },
    { "garlic", 11 }, { "gary", 10 }, { "gas", 11 }, { "gate", 10 },
    { "gateway", 8 }, { "gather", 11 }, { "gauge", 11 }, { "gaze", 11 },
    { "gear", 11 }, { "general", 11 }, { "generate", 8 }, { "generated", 8 },
    { "genius", 11 }, { "gentle", 11 }, { "genuine", 11 }, { "george", 10 },
    { "gerald", 10 }, { "germany", 10 }, { "gesture", 11 }, { "get", 11 },
    { "ghost", 10 }, { "giant", 11 }, { "gift", 10 }, { "ginger", 10 },
    { "giraffe", 10 }, { "girl", 10 }, { "github", 8 }, { "gitlab", 8 },
    { "giulia", 10 }, { "give", 10 }, { "glad", 11 }, { "glance", 11 },
    { "glass", 10 }, { "globe", 11 }, { "gloom", 11 }, { "gloria", 10 },
    { "glory", 10 }, { "glove", 11 }, { "glow", 11 }, { "glue", 11 },
    { "goat", 11 }, { "god", 7 }, { "goddess", 11 }, { "gold", 10 },
    { "golden", 10 }, { "golf", 10 }, { "good", 10 }, { "google", 8 },
    { "gorilla", 11 }, { "gossip", 11 }, { "got", 11 }, { "govern", 11 },
    { "gown", 11 }, { "grab", 11 }, { "grace", 10 }, { "grain", 11 },
    { "grand", 10 }, { "grape", 11 }, { "grass", 10 }, { "gravity", 11 },
    { "gray", 10 }, { "great", 10 }, { "green", 10 }, { "gregory", 10 },
    { "grey", 10 }, { "grid", 11 }, { "grief", 11 }, { "grit", 11 },
    { "grocery", 11 }, { "ground", 10 }, { "group", 10 }, { "grow", 10 },
    { "guard", 11 }, { "guess", 11 }, { "guest", 7 }, { "guide", 11 },
    { "guilt", 11 }, { "guitar", 10 }, { "gun", 10 }, { "habit", 11 },
    { "hack", 8 }, { "hacker", 8 }, { "had", 11 }, { "hair", 10 },
    { "half", 10 }, { "hammer", 11 }, { "hamster", 11 }, { "hand", 10 },
    { "hannah", 10 }, { "hans", 10 }, { "happy", 10 }, { "harbor", 11 },
    { "hard", 10 }, { "harold", 10 }, { "harvest", 11 }, { "has", 11 },
    { "hash", 8 }, { "hat", 11 }, { "have", 11 }, { "hawk", 10 },
    { "hazard", 11 }, { "head", 10 }, { "health", 11 }, { "heart", 10 },
    { "heather", 10 }, { "heaven", 10 }, { "heavy", 10 }, { "height", 11 },
    { "helen", 10 }, { "hello", 7 }, { "help", 10 }, { "henry", 10 },
    { "her", 11 }, { "here", 10 }, { "hero", 10 }, { "high", 10 },
    { "hill", 10 }, { "him", 11 }, { "hint", 11 }, { "hip", 11 },
    { "hire", 11 }, { "hiroshi", 10 }, { "his", 11 }, { "history", 10 },
    { "hmac", 7 }, { "hmackey", 7 }, { "hmacs", 8 }, { "hobby", 11 },
    { "hockey", 7 }, { "hold", 10 }, { "hole", 10 }, { "holiday", 11 },
    { "holland", 10 }, { "hollow", 11 }, { "holy", 10 }, { "home", 8 },
    { "honey", 10 }, { "honor", 10 }, { "hood", 11 }, { "hope", 10 },
    { "horn", 11 }, { "horse", 10 }, { "host", 11 }, { "hot", 10 },
    { "hotel", 10 }, { "hour", 10 }, { "house", 10 }, { "how", 11 },
    { "http", 8 }, { "https", 8 }, { "hub", 11 }, { "huge", 11 },
    { "human", 10 }, { "humble", 11 }, { "humidity", 8 }, { "humor", 11 },
    { "hundred", 10 }, { "hungry", 11 }, { "hunter", 7 }, { "hurry", 11 },
    { "hurt", 11 }, { "husband", 11 }, { "hybrid", 11 }, { "ian", 10 },
    { "ice", 10 }, { "icon", 11 }, { "idea", 10 }, { "identify", 11 },
    { "idle", 11 }, { "ignore", 11 }, { "ill", 11 }, { "iloveyou", 7 },
    { "image", 8 }, { "impact", 11 }, { "improve", 11 }, { "impulse", 7 },
    { "impulses", 8 }, { "inch", 11 }, { "include", 11 }, { "index", 11 },
    { "india", 10 }, { "infant", 11 }, { "inference", 8 }, { "infinity", 10 },
    { "inform", 11 }, { "ingest", 8 }, { "ingestion", 8 }, { "ingestor", 8 },
    { "inner", 11 }, { "innocent", 11 }, { "input", 11 }, { "insane", 11 },
    { "insect", 11 }, { "inside", 11 }, { "install", 11 }, { "internal", 8 },
    { "internet", 7 }, { "invite", 11 }, { "iot", 8 }, { "iphone", 8 },
    { "ipsum", 7 }, { "iron", 10 }, { "isabella", 10 }, { "island", 10 },
    { "its", 11 }, { "ivory", 11 }, { "jack", 10 }, { "jacket", 11 },
    { "jacob", 10 }, { "jacqueline", 10 }, { "jaguar", 10 }, { "james", 10 },
    { "jan", 10 }, { "janet", 10 }, { "janice", 10 }, { "january", 10 },
    { "japan", 10 }, { "jar", 11 }, { "jason", 10 }, { "java", 8 },
    { "javier", 10 }, { "jazz", 11 }, { "jean", 10 }, { "jeans", 11 },
    { "jeffrey", 10 }, { "jelly", 11 }, { "jennifer", 10 }, { "jens", 10 },
    { "jeremy", 10 }, { "jerry", 10 }, { "jesse", 10 }, { "jessica", 10 },
    { "jesus", 7 }, { "jewel", 11 }, { "jim", 10 }, { "joan", 10 },
    { "job", 10 }, { "joe", 10 }, { "john", 10 }, { "johnny", 10 },
    { "join", 11 }, { "joke", 10 }, { "jonathan", 10 }, { "jordan", 10 },
    { "jorge", 10 }, { "jose", 10 }, { "joseph", 10 }, { "joshua", 10 },
    { "journey", 11 }, { "joy", 11 }, { "joyce", 10 }, { "json", 8 },
    { "juan", 10 }, { "judge", 11 }, { "judith", 10 }, { "judy", 10 },
    { "juice", 11 }, { "jul", 10 }, { "julia", 10 }, { "julie", 10 },
    { "july", 10 }, { "jump", 10 }, { "jun", 10 }, { "june", 10 },
    { "jungle", 11 }, { "junior", 11 }, { "junk", 11 }, { "jury", 11 },
    { "just", 10 }, { "justice", 10 }, { "justin", 10 }, { "kangaroo", 11 },
    { "karen", 10 }, { "katherine", 10 }, { "kathleen", 10 },
    { "kathryn", 10 }, { "kayla", 10 }, { "keep", 10 }, { "keith", 10 },
    { "kelly", 10 }, { "kernel", 11 }, { "ketchup", 11 }, { "kevin", 10 },
    { "key", 7 }, { "keys", 7 }, { "keyword", 8 }, { "kick", 11 },
    { "kid", 10 }, { "kidney", 11 }, { "kill", 10 }, { "killer", 7 },
    { "kimberly", 10 }, { "kind", 10 }, { "king", 10 }, { "kingdom", 11 },
    { "kiss", 11 }, { "kit", 11 }, { "kitchen", 10 }, { "kite", 11 },
    { "kitten", 10 }, { "kiwi", 11 }, { "knee", 11 }, { "knife", 10 },
    { "knight", 10 }, { "knock", 11 }, { "know", 10 }, { "kube", 8 },
    { "kyle", 10 }, { "lab", 8 }, { "label", 11 }, { "labor", 11 },
    { "labs", 8 }, { "ladder", 11 }, { "lady", 10 }, { "lake", 10 },
    { "lakers", 10 }, { "lamp", 11 }, { "land", 10 }, { "language", 11 },
    { "laptop", 11 }, { "large", 10 }, { "larry", 10 }, { "lars", 10 },
    { "laser", 10 }, { "last", 8 }, { "late", 10 }, { "laugh", 10 },
    { "laura", 10 }, { "lauren", 10 }, { "lava", 11 }, { "law", 11 },
    { "lawn", 11 }, { "lawrence", 10 }, { "layer", 11 }, { "lazy", 11 },
    { "lead", 10 }, { "leader", 11 }, { "leaf", 11 }, { "learn", 10 },
    { "leave", 10 }, { "lecture", 11 }, { "left", 10 }, { "leg", 11 },
    { "legend", 10 }, { "lemon", 10 }, { "lend", 11 }, { "length", 11 },
    { "lens", 11 }, { "leo", 10 }, { "leon", 10 }, { "leopard", 10 },
    { "lesson", 11 }, { "letmein", 7 }, { "letter", 10 }, { "level", 10 },
    { "liar", 11 }, { "liberty", 10 }, { "library", 11 }, { "lid", 11 },
    { "life", 10 }, { "lift", 11 }, { "light", 10 }, { "lightning", 10 },
    { "like", 10 }, { "lily", 10 }, { "limb", 11 }, { "limit", 11 },
    { "linda", 10 }, { "line", 10 }, { "link", 11 }, { "linux", 8 },
    { "lion", 10 }, { "liquid", 11 }, { "lisa", 10 }, { "list", 10 },
    { "little", 10 }, { "liu", 10 }, { "live", 8 }, { "liverpool", 10 },
    { "lizard", 11 }, { "load", 11 }, { "loan", 11 }, { "lobster", 11 },
    { "local", 8 }, { "lock", 11 }, { "logan", 10 }, { "logic", 11 },
    { "login", 7 }, { "logins", 8 }, { "london", 10 }, { "lonely", 11 },
    { "long", 10 }, { "look", 10 }, { "loop", 11 }, { "lord", 10 },
    { "lorem", 7 }, { "lost", 10 }, { "lottery", 11 }, { "loud", 10 },
    { "louis", 10 }, { "lounge", 11 }, { "love", 7 }, { "low", 10 },
    { "loyal", 11 }, { "luca", 10 }, { "lucia", 10 }, { "lucky", 10 },
    { "luggage", 11 }, { "luis", 10 }, { "lukas", 10 }, { "lumber", 11 },
    { "lunar", 10 }, { "lunch", 10 }, { "lyrics", 11 }, { "machine", 8 },
    { "madison", 10 }, { "madrid", 10 }, { "magic", 10 }, { "magnet", 11 },
    { "maid", 11 }, { "mail", 11 }, { "main", 8 }, { "major", 11 },
    { "make", 10 }, { "mammal", 11 }, { "man", 10 }, { "manage", 11 },
    { "mango", 10 }, { "mansion", 11 }, { "manual", 11 }, { "manuel", 10 },
    { "many", 10 }, { "map", 10 }, { "maple", 11 }, { "mar", 10 },
    { "marble", 11 }, { "march", 10 }, { "marco", 10 }, { "margaret", 10 },
    { "margin", 11 }, { "maria", 10 }, { "marie", 10 }, { "marilyn", 10 },
    { "marine", 11 }, { "mark", 10 }, { "market", 10 }, { "martha", 10 },
    { "mary", 10 }, { "mask", 11 }, { "mass", 11 }, { "master", 7 },
    { "match", 11 }, { "material", 11 }, { "math", 11 }, { "matrix", 7 },
    { "matt", 10 }, { "matter", 10 }, { "matthew", 10 }, { "max", 10 },
    { "maximum", 11 }, { "may", 10 }, { "maze", 11 }, { "meadow", 11 },
    { "mean", 11 }, { "measure", 11 }, { "meat", 10 }, { "mechanic", 11 },
    { "medal", 11 }, { "media", 11 }, { "meet", 10 }, { "megan", 10 },
    { "melissa", 10 }, { "melody", 11 }, { "melt", 11 }, { "member", 10 },
    { "memory", 11 }, { "men", 11 }, { "mention", 11 }, { "menu", 11 },
    { "mercy", 11 }, { "merge", 11 }, { "merit", 11 }, { "merry", 11 },
    { "mesh", 11 }, { "message", 11 }, { "metal", 10 }, { "method", 11 },
    { "mia", 10 }, { "michael", 10 }, { "michelle", 10 }, { "microsoft", 8 },
    { "middle", 10 }, { "might", 10 }, { "miguel", 10 }, { "mike", 10 },
    { "mile", 10 }, { "milk", 10 }, { "million", 10 }, { "milo", 10 },
    { "mimic", 11 }, { "mind", 10 }, { "minor", 11 }, { "minute", 10 },
    { "miracle", 11 }, { "mirror", 10 }, { "miss", 10 }, { "mix", 11 },
    { "mixed", 11 }, { "mobile", 8 }, { "model", 8 }, { "models", 8 },
    { "modify", 11 }, { "mohamed", 10 }, { "mom", 11 }, { "moment", 10 },
    { "mon", 10 }, { "monday", 10 }, { "money", 10 }, { "monitor", 8 },
    { "monitoring", 8 }, { "monkey", 7 }, { "monster", 11 }, { "month", 11 },
    { "moon", 10 }, { "moral", 11 }, { "more", 10 }, { "morning", 10 },
    { "mosquito", 11 }, { "mother", 10 }, { "motion", 8 }, { "motor", 11 },
    { "mountain", 10 }, { "mouse", 10 }, { "mouth", 10 }, { "move", 10 },
    { "mqtt", 8 }, { "much", 10 }, { "muffin", 11 }, { "mule", 11 },
    { "multiply", 11 }, { "muscle", 11 }, { "museum", 11 }, { "mushroom", 11 },
    { "music", 10 }, { "mustang", 7 }, { "mutual", 11 }, { "mykey", 7 },
    { "mypassword", 7 }, { "mysecret", 7 }, { "myself", 11 },
    { "mystery", 11 }, { "myth", 11 }, { "naive", 11 }, { "name", 10 },
    { "nancy", 10 }, { "napkin", 11 }, { "narrow", 11 }, { "nasty", 11 },
    { "natalie", 10 }, { "nathan", 10 }, { "nation", 11 }, { "nature", 10 },
    { "near", 10 }, { "neck", 11 }, { "need", 10 }, { "negative", 11 },
    { "neglect", 11 }, { "neither", 11 }, { "nephew", 11 }, { "nerve", 11 },
    { "nest", 11 }, { "net", 11 }, { "network", 8 }, { "neural", 8 },
    { "neutral", 11 }, { "never", 10 }, { "new", 8 }, { "news", 10 },
    { "next", 10 }, { "nginx", 8 }, { "nice", 10 }, { "nicholas", 10 },
    { "nick", 10 }, { "nicole", 10 }, { "night", 10 }, { "nine", 10 },
    { "ninja", 7 }, { "noah", 10 }, { "noble", 11 }, { "node", 8 },
    { "noise", 10 }, { "none", 7 }, { "noodle", 11 }, { "nordic", 8 },
    { "normal", 11 }, { "north", 10 }, { "nose", 10 }, { "not", 11 },
    { "notable", 11 }, { "note", 10 }, { "nothing", 7 }, { "notice", 11 },
    { "nov", 10 }, { "nova", 10 }, { "novel", 11 }, { "november", 10 },
    { "now", 11 }, { "nuclear", 11 }, { "null", 7 }, { "number", 10 },
    { "nurse", 11 }, { "nut", 11 }, { "oak", 11 }, { "obey", 11 },
    { "object", 11 }, { "obscure", 11 }, { "obtain", 11 }, { "obvious", 11 },
    { "occur", 11 }, { "ocean", 10 }, { "oct", 10 }, { "october", 10 },
    { "odor", 11 }, { "off", 11 }, { "offer", 11 }, { "office", 8 },
    { "offline", 8 }, { "often", 11 }, { "oil", 10 }, { "old", 8 },
    { "olive", 11 }, { "olivia", 10 }, { "omega", 8 }, { "omit", 11 },
    { "one", 10 }, { "onion", 11 }, { "online", 8 }, { "only", 10 },
    { "open", 10 }, { "opera", 11 }, { "oppose", 11 }, { "option", 11 },
    { "orange", 10 }, { "orbit", 11 }, { "orchard", 11 }, { "order", 10 },
    { "organ", 11 }, { "original", 11 }, { "orphan", 11 }, { "oscar", 10 },
    { "ostrich", 11 }, { "other", 10 }, { "our", 11 }, { "out", 10 },
    { "outdoor", 11 }, { "outer", 11 }, { "output", 11 }, { "oval", 11 },
    { "oven", 11 }, { "over", 10 }, { "owl", 10 }, { "own", 11 },
    { "owner", 10 }, { "oxygen", 11 }, { "oyster", 11 }, { "ozone", 11 },
    { "pablo", 10 }, { "pact", 11 }, { "paddle", 11 }, { "page", 10 },
    { "paint", 10 }, { "palace", 11 }, { "palm", 11 }, { "pamela", 10 },
    { "panda", 10 }, { "panel", 11 }, { "panic", 11 }, { "panther", 10 },
    { "paper", 10 }, { "parade", 11 }, { "parent", 10 }, { "paris", 10 },
    { "park", 10 }, { "parrot", 11 }, { "part", 10 }, { "partner", 8 },
    { "party", 10 }, { "pass", 7 }, { "passwd", 7 }, { "password", 7 },
    { "passwords", 8 }, { "passwort", 7 }, { "past", 10 }, { "patch", 11 },
    { "path", 10 }, { "patient", 11 }, { "patricia", 10 }, { "patrick", 10 },
    { "patrol", 11 }, { "pattern", 11 }, { "paul", 10 }, { "pause", 11 },
    { "pave", 11 }, { "payment", 11 }, { "peace", 10 }, { "peach", 10 },
    { "peanut", 11 }, { "pear", 11 }, { "peasant", 11 }, { "pedro", 10 },
    { "pelican", 11 }, { "pen", 10 }, { "penalty", 11 }, { "pencil", 11 },
    { "penguin", 10 }, { "people", 10 }, { "pepper", 10 }, { "perfect", 11 },
    { "permit", 11 }, { "person", 10 }, { "pet", 11 }, { "peter", 10 },
    { "philip", 10 }, { "phoenix", 10 }, { "phone", 8 }, { "phrase", 11 },
    { "physical", 11 }, { "piano", 10 }, { "pick", 11 }, { "picture", 10 },
    { "piece", 10 }, { "pierre", 10 }, { "pig", 10 }, { "pigeon", 11 },
    { "pill", 11 }, { "pilot", 8 }, { "pine", 11 }, { "pink", 10 },
    { "pioneer", 11 }, { "pipe", 11 }, { "pirate", 7 }, { "pistol", 11 },
    { "pitch", 11 }, { "pixel", 10 }, { "pizza", 10 }, { "place", 10 },
    { "placeholder", 7 }, { "plan", 10 }, { "plane", 10 }, { "planet", 10 },
    { "plant", 8 }, { "plastic", 11 }, { "plate", 11 }, { "play", 10 },
    { "player", 10 }, { "please", 7 }, { "pledge", 11 }, { "pluck", 11 },
    { "plug", 11 }, { "plunge", 11 }, { "poem", 11 }, { "poet", 11 },
    { "point", 10 }, { "pokemon", 7 }, { "polar", 11 }, { "pole", 11 },
    { "police", 10 }, { "pond", 11 }, { "pony", 10 }, { "pool", 10 },
    { "poor", 10 }, { "popular", 11 }, { "portal", 8 }, { "portion", 11 },
    { "position", 11 }, { "possible", 11 }, { "post", 11 }, { "potato", 11 },
    { "pottery", 11 }, { "poverty", 11 }, { "powder", 11 }, { "power", 10 },
    { "practice", 11 }, { "praise", 11 }, { "prd", 8 }, { "predict", 11 },
    { "prefer", 11 }, { "prepare", 11 }, { "present", 10 }, { "pressure", 8 },
    { "pretty", 10 }, { "price", 10 }, { "pride", 11 }, { "primary", 8 },
    { "prince", 10 }, { "princess", 7 }, { "print", 11 }, { "priority", 11 },
    { "prison", 11 }, { "private", 8 }, { "priya", 10 }, { "prize", 11 },
    { "problem", 10 }, { "prod", 8 }, { "prodkey", 8 }, { "production", 8 },
    { "profit", 11 }, { "program", 10 }, { "project", 8 }, { "projects", 8 },
    { "promote", 11 }, { "proof", 11 }, { "property", 11 }, { "prosper", 11 },
    { "protect", 11 }, { "prototype", 8 }, { "proud", 11 }, { "provide", 11 },
    { "public", 8 }, { "pudding", 11 }, { "pull", 10 }, { "pulse", 11 },
    { "pumpkin", 11 }, { "punch", 11 }, { "pupil", 11 }, { "puppy", 10 },
    { "purchase", 11 }, { "purple", 10 }, { "purpose", 11 }, { "purse", 11 },
    { "push", 10 }, { "put", 11 }, { "puzzle", 11 }, { "pyramid", 11 },
    { "python", 8 }, { "quality", 11 }, { "quantum", 10 }, { "quarter", 11 },
    { "queen", 10 }, { "question", 10 }, { "quick", 10 }, { "quiet", 10 },
    { "quit", 11 }, { "quiz", 11 }, { "quote", 11 }, { "qwerty", 7 },
    { "qwertz", 7 }, { "rabbit", 10 }, { "raccoon", 11 }, { "race", 10 },
    { "rachel", 10 }, { "rack", 11 }, { "radio", 10 }, { "rail", 11 },
    { "rain", 10 }, { "rainbow", 10 }, { "raise", 11 }, { "raj", 10 },
    { "rally", 11 }, { "ralph", 10 }, { "ramp", 11 }, { "ranch", 11 },
    { "random", 8 }, { "randy", 10 }, { "range", 11 }, { "ranger", 7 },
    { "rapid", 11 }, { "rare", 11 }, { "raspberry", 8 }, { "rate", 11 },
    { "rather", 11 }, { "raven", 10 }, { "raw", 11 }, { "raymond", 10 },
    { "razor", 11 }, { "read", 10 }, { "ready", 10 }, { "real", 10 },
    { "reason", 11 }, { "rebecca", 10 }, { "rebel", 11 }, { "recall", 11 },
    { "receive", 11 }, { "recipe", 11 }, { "record", 11 }, { "recycle", 11 },
    { "red", 10 }, { "reduce", 11 }, { "reflect", 11 }, { "reform", 11 },
    { "refuse", 11 }, { "region", 11 }, { "regret", 11 }, { "regular", 11 },
    { "reject", 11 }, { "relax", 11 }, { "release", 8 }, { "relief", 11 },
    { "remain", 11 }, { "remember", 11 }, { "remind", 11 }, { "remote", 8 },
    { "remove", 11 }, { "render", 11 }, { "renew", 11 }, { "rent", 11 },
    { "repair", 11 }, { "repeat", 11 }, { "replace", 11 }, { "report", 11 },
    { "require", 11 }, { "rescue", 11 }, { "resist", 11 }, { "resource", 11 },
    { "response", 11 }, { "rest", 10 }, { "result", 11 }, { "retire", 11 },
    { "retreat", 11 }, { "return", 11 }, { "reunion", 11 }, { "reveal", 11 },
    { "review", 11 }, { "reward", 11 }, { "rhythm", 11 }, { "rib", 11 },
    { "ribbon", 11 }, { "rice", 11 }, { "rich", 10 }, { "richard", 10 },
    { "ride", 10 }, { "rifle", 11 }, { "right", 10 }, { "rigid", 11 },
    { "ring", 10 }, { "riot", 11 }, { "ripple", 11 }, { "risk", 11 },
    { "ritual", 11 }, { "rival", 11 }, { "river", 10 }, { "road", 10 },
    { "rob", 10 }, { "robert", 10 }, { "robot", 10 }, { "robust", 11 },
    { "rock", 10 }, { "rocket", 10 }, { "roger", 10 }, { "roll", 10 },
    { "romance", 11 }, { "ronald", 10 }, { "roof", 11 }, { "rookie", 11 },
    { "room", 10 }, { "root", 7 }, { "rope", 11 }, { "rose", 10 },
    { "rotate", 11 }, { "rough", 11 }, { "round", 10 }, { "route", 11 },
    { "roy", 10 }, { "royal", 11 }, { "rubber", 11 }, { "rude", 11 },
    { "rug", 11 }, { "rule", 10 }, { "run", 10 }, { "rural", 11 },
    { "russell", 10 }, { "ruth", 10 }, { "ryan", 10 }, { "sad", 11 },
    { "saddle", 11 }, { "sadness", 11 }, { "safe", 10 }, { "salad", 11 },
    { "salmon", 11 }, { "salon", 11 }, { "salt", 10 }, { "sam", 10 },
    { "samantha", 10 }, { "same", 10 }, { "sample", 7 }, { "samuel", 10 },
    { "sand", 10 }, { "sandbox", 8 }, { "sandra", 10 }, { "sanjay", 10 },
    { "sara", 10 }, { "sarah", 10 }, { "sat", 10 }, { "satisfy", 11 },
    { "saturday", 10 }, { "sauce", 11 }, { "sausage", 11 }, { "save", 10 },
    { "say", 10 }, { "scale", 11 }, { "scan", 11 }, { "scare", 11 },
    { "scatter", 11 }, { "scene", 11 }, { "scheme", 11 }, { "school", 10 },
    { "science", 10 }, { "scissors", 11 }, { "scorpion", 11 }, { "scott", 10 },
    { "scout", 11 }, { "scrap", 11 }, { "screen", 11 }, { "script", 8 },
    { "scrub", 11 }, { "sea", 10 }, { "sean", 10 }, { "search", 11 },
    { "season", 10 }, { "second", 10 }, { "secret", 7 }, { "secrets", 8 },
    { "section", 11 }, { "secure", 7 }, { "security", 8 }, { "see", 10 },
    { "seed", 10 }, { "segment", 11 }, { "select", 11 }, { "sell", 10 },
    { "send", 10 }, { "senior", 11 }, { "sense", 11 }, { "sensor", 8 },
    { "sensorfusion", 8 }, { "sensors", 8 }, { "sentence", 11 }, { "sep", 10 },
    { "sept", 10 }, { "september", 10 }, { "series", 11 }, { "server", 8 },
    { "service", 8 }, { "services", 8 }, { "session", 11 }, { "set", 11 },
    { "setme", 7 }, { "setting", 8 }, { "settings", 8 }, { "settle", 11 },
    { "setup", 11 }, { "seven", 10 }, { "sha", 8 }, { "shadow", 7 },
    { "shaft", 11 }, { "shallow", 11 }, { "shalom", 7 }, { "shape", 10 },
    { "share", 8 }, { "shared", 8 }, { "shark", 10 }, { "sharon", 10 },
    { "she", 11 }, { "shed", 11 }, { "shell", 8 }, { "sheriff", 11 },
    { "shield", 11 }, { "shift", 11 }, { "shine", 10 }, { "ship", 10 },
    { "shirley", 10 }, { "shiver", 11 }, { "shock", 11 }, { "shoe", 10 },
    { "shoot", 11 }, { "shop", 10 }, { "short", 10 }, { "shove", 11 },
    { "show", 10 }, { "shrimp", 11 }, { "shrug", 11 }, { "shuffle", 11 },
    { "shy", 11 }, { "sibling", 11 }, { "sick", 11 }, { "side", 10 },
    { "siege", 11 }, { "sight", 11 }, { "sigma", 8 }, { "sign", 8 },
    { "signature", 8 }, { "signed", 8 }, { "signing", 8 }, { "signkey", 8 },
    { "silent", 11 }, { "silk", 11 }, { "silly", 11 }, { "silver", 10 },
    { "similar", 11 }, { "simple", 10 }, { "sing", 10 }, { "siren", 11 },
    { "sister", 10 }, { "sit", 10 }, { "site", 8 }, { "six", 10 },
    { "size", 10 }, { "skate", 11 }, { "sketch", 11 }, { "ski", 11 },
    { "skill", 11 }, { "skin", 10 }, { "skirt", 11 }, { "skull", 10 },
    { "sky", 10 }, { "slab", 11 }, { "slam", 11 }, { "sleep", 10 },
    { "slender", 11 }, { "slice", 11 }, { "slide", 11 }, { "slight", 11 },
    { "slim", 11 }, { "slogan", 11 }, { "slot", 11 }, { "slow", 10 },
    { "small", 10 }, { "smart", 10 }, { "smile", 10 }, { "snack", 11 },
    { "snake", 10 }, { "snap", 11 }, { "sniff", 11 }, { "snow", 10 },
    { "soap", 11 }, { "soccer", 7 }, { "social", 11 }, { "sock", 11 },
    { "soda", 11 }, { "sofia", 10 }, { "soft", 10 }, { "solar", 10 },
    { "solid", 11 }, { "solution", 11 }, { "solve", 11 }, { "some", 10 },
    { "someone", 11 }, { "song", 10 }, { "soon", 10 }, { "sophia", 10 },
    { "sorry", 11 }, { "sort", 11 }, { "soul", 10 }, { "sound", 10 },
    { "soup", 11 }, { "source", 11 }, { "south", 10 }, { "space", 10 },
    { "spare", 11 }, { "spawn", 11 }, { "speak", 10 }, { "special", 10 },
    { "speed", 10 }, { "spell", 11 }, { "spend", 11 }, { "sphere", 11 },
    { "spice", 11 }, { "spider", 10 }, { "spiderman", 10 }, { "spike", 11 },
    { "spin", 11 }, { "spirit", 10 }, { "split", 11 }, { "spoil", 11 },
    { "sponsor", 11 }, { "spoon", 11 }, { "sport", 10 }, { "spot", 11 },
    { "spray", 11 }, { "spread", 11 }, { "spring", 10 }, { "spy", 11 },
    { "square", 10 }, { "squirrel", 11 }, { "stable", 11 }, { "stadium", 11 },
    { "staff", 11 }, { "stage", 8 }, { "staging", 8 }, { "stairs", 11 },
    { "stamp", 11 }, { "stand", 11 }, { "staple", 11 }, { "star", 10 },
    { "start", 10 }, { "starwars", 7 }, { "state", 10 }, { "station", 10 },
    { "stay", 10 }, { "steak", 11 }, { "steam", 11 }, { "steel", 10 },
    { "stem", 11 }, { "step", 10 }, { "stephanie", 10 }, { "stephen", 10 },
    { "stereo", 11 }, { "steve", 10 }, { "steven", 10 }, { "stick", 10 },
    { "still", 10 }, { "stock", 11 }, { "stomach", 11 }, { "stone", 10 },
    { "stop", 10 }, { "storage", 8 }, { "store", 10 }, { "storm", 10 },
    { "story", 10 }, { "stove", 11 }, { "strategy", 11 }, { "straw", 11 },
    { "strawberry", 10 }, { "street", 10 }, { "strong", 10 },
    { "student", 10 }, { "studio", 8 }, { "study", 10 }, { "stuff", 11 },
    { "stumble", 11 }, { "style", 11 }, { "subject", 11 }, { "submit", 11 },
    { "subway", 11 }, { "success", 11 }, { "such", 11 }, { "sudden", 11 },
    { "sudo", 8 }, { "suffer", 11 }, { "sugar", 10 }, { "suggest", 11 },
    { "suit", 11 }, { "summer", 10 }, { "sun", 10 }, { "sunday", 10 },
    { "sunny", 10 }, { "sunset", 11 }, { "sunshine", 7 }, { "super", 10 },
    { "superman", 7 }, { "supply", 11 }, { "supreme", 11 }, { "sure", 11 },
    { "surface", 11 }, { "surge", 11 }, { "surprise", 11 }, { "surround", 11 },
    { "survey", 11 }, { "susan", 10 }, { "suspect", 11 }, { "sustain", 11 },
    { "sven", 10 }, { "swallow", 11 }, { "swamp", 11 }, { "swap", 11 },
    { "swarm", 11 }, { "swear", 11 }, { "sweat", 11 }, { "sweep", 11 },
    { "sweet", 10 }, { "swift", 11 }, { "swim", 10 }, { "swing", 11 },
    { "switch", 11 }, { "sword", 11 }, { "symbol", 11 }, { "symptom", 11 },
    { "syrup", 11 }, { "system", 8 }, { "table", 10 }, { "tackle", 11 },
    { "tag", 11 }, { "tail", 10 }, { "take", 10 }, { "talent", 11 },
    { "talk", 10 }, { "tall", 10 }, { "tank", 11 }, { "tape", 11 },
    { "target", 11 }, { "task", 11 }, { "taste", 11 }, { "tattoo", 11 },
    { "taxi", 11 }, { "tea", 10 }, { "teacher", 10 }, { "team", 8 },
    { "ted", 10 }, { "temp", 7 }, { "temperature", 8 }, { "temporary", 7 },
    { "ten", 10 }, { "tenant", 11 }, { "tennis", 10 }, { "tent", 11 },
    { "teresa", 10 }, { "term", 11 }, { "terminal", 8 }, { "terry", 10 },
    { "test", 7 }, { "tester", 7 }, { "testing", 7 }, { "testkey", 8 },
    { "texas", 10 }, { "text", 11 }, { "than", 10 }, { "thank", 10 },
    { "that", 10 }, { "the", 10 }, { "theme", 11 }, { "then", 11 },
    { "theory", 11 }, { "there", 11 }, { "theresa", 10 }, { "they", 11 },
    { "thing", 10 }, { "think", 10 }, { "thirty", 10 }, { "this", 10 },
    { "thomas", 10 }, { "thought", 11 }, { "thousand", 10 }, { "three", 10 },
    { "thrive", 11 }, { "throw", 11 }, { "thu", 10 }, { "thumb", 11 },
    { "thunder", 10 }, { "thursday", 10 }, { "ticket", 11 }, { "tide", 11 },
    { "tiger", 10 }, { "tilt", 11 }, { "tim", 10 }, { "timber", 11 },
    { "time", 10 }, { "timothy", 10 }, { "tiny", 10 }, { "tinyml", 8 },
    { "tired", 11 }, { "tissue", 11 }, { "title", 11 }, { "toast", 11 },
    { "tobacco", 11 }, { "today", 10 }, { "toddler", 11 }, { "todo", 7 },
    { "toe", 11 }, { "together", 10 }, { "toilet", 11 }, { "token", 7 },
    { "tokens", 8 }, { "tokyo", 10 }, { "tom", 10 }, { "tomato", 11 },
    { "tomorrow", 10 }, { "tone", 11 }, { "tongue", 11 }, { "tonight", 10 },
    { "too", 11 }, { "tool", 10 }, { "toor", 8 }, { "tooth", 11 },
    { "top", 10 }, { "topic", 11 }, { "topple", 11 }, { "torch", 11 },
    { "tornado", 11 }, { "tortoise", 11 }, { "toss", 11 }, { "total", 11 },
    { "touch", 10 }, { "tourist", 11 }, { "toward", 11 }, { "tower", 10 },
    { "town", 10 }, { "toy", 10 }, { "track", 10 }, { "trade", 11 },
    { "traffic", 11 }, { "tragic", 11 }, { "train", 8 }, { "training", 8 },
    { "transfer", 11 }, { "trap", 11 }, { "trash", 11 }, { "travel", 10 },
    { "tray", 11 }, { "treat", 11 }, { "tree", 10 }, { "trend", 11 },
    { "trial", 8 }, { "tribe", 11 }, { "trick", 11 }, { "trigger", 11 },
    { "trim", 11 }, { "trip", 11 }, { "trophy", 11 }, { "trouble", 11 },
    { "truck", 11 }, { "true", 10 }, { "truly", 11 }, { "trumpet", 11 },
    { "trust", 10 }, { "trustno", 7 }, { "truth", 10 }, { "try", 10 },
    { "tube", 11 }, { "tue", 10 }, { "tuesday", 10 }, { "tumble", 11 },
    { "tuna", 11 }, { "tunnel", 11 }, { "turkey", 11 }, { "turn", 10 },
    { "turtle", 10 }, { "twelve", 10 }, { "twenty", 10 }, { "twice", 11 },
    { "twin", 11 }, { "twist", 11 }, { "two", 10 }, { "tyler", 10 },
    { "type", 11 }, { "typical", 11 }, { "uat", 8 }, { "ubuntu", 8 },
    { "ugly", 11 }, { "umbrella", 11 }, { "unable", 11 }, { "unaware", 11 },
    { "uncle", 10 }, { "under", 10 }, { "unfair", 11 }, { "unfold", 11 },
    { "unhappy", 11 }, { "unicorn", 10 }, { "uniform", 11 }, { "unique", 11 },
    { "unit", 10 }, { "universe", 10 }, { "unknown", 11 }, { "unlock", 11 },
    { "unset", 7 }, { "until", 11 }, { "unusual", 11 }, { "unveil", 11 },
    { "update", 11 }, { "upgrade", 11 }, { "uphold", 11 }, { "upload", 8 },
    { "uploader", 8 }, { "upon", 10 }, { "upper", 11 }, { "upset", 11 },
    { "urban", 11 }, { "urge", 11 }, { "usage", 11 }, { "use", 10 },
    { "useful", 11 }, { "useless", 11 }, { "user", 7 }, { "users", 8 },
    { "usual", 11 }, { "utility", 11 }, { "vacant", 11 }, { "vacuum", 11 },
    { "vague", 11 }, { "valid", 11 }, { "valley", 10 }, { "van", 11 },
    { "vanish", 11 }, { "vapor", 11 }, { "various", 11 }, { "vast", 11 },
    { "vault", 11 }, { "vehicle", 11 }, { "velvet", 11 }, { "vendor", 8 },
    { "venture", 11 }, { "venue", 11 }, { "verb", 11 }, { "verify", 11 },
    { "version", 8 }, { "very", 10 }, { "vessel", 11 }, { "veteran", 11 },
    { "viable", 11 }, { "vibrant", 11 }, { "vibration", 8 }, { "vicious", 11 },
    { "victoria", 10 }, { "victory", 10 }, { "video", 8 }, { "view", 10 },
    { "village", 10 }, { "vincent", 10 }, { "vintage", 11 }, { "violin", 11 },
    { "viper", 10 }, { "virginia", 10 }, { "virtual", 11 }, { "virus", 11 },
    { "visa", 11 }, { "vision", 8 }, { "visit", 10 }, { "vital", 11 },
    { "vivid", 11 }, { "vocal", 11 }, { "voice", 10 }, { "volcano", 11 },
    { "volume", 11 }, { "vote", 11 }, { "voyage", 11 }, { "wage", 11 },
    { "wagon", 11 }, { "wait", 10 }, { "walk", 10 }, { "wall", 10 },
    { "walnut", 11 }, { "walter", 10 }, { "wander", 11 }, { "wang", 10 },
    { "want", 10 }, { "war", 10 }, { "warfare", 11 }, { "warm", 10 },
    { "warrior", 10 }, { "was", 11 }, { "wash", 10 }, { "wasp", 11 },
    { "waste", 11 }, { "watch", 10 }, { "water", 10 }, { "wave", 10 },
    { "way", 10 }, { "wayne", 10 }, { "wealth", 11 }, { "weapon", 11 },
    { "wear", 11 }, { "weasel", 11 }, { "weather", 10 }, { "web", 8 },
    { "website", 8 }, { "wed", 10 }, { "wedding", 11 }, { "wednesday", 10 },
    { "week", 10 }, { "weekend", 11 }, { "wei", 10 }, { "weird", 11 },
    { "welcome", 7 }, { "west", 10 }, { "whale", 11 }, { "what", 10 },
    { "whatever", 7 }, { "wheat", 11 }, { "wheel", 10 }, { "when", 10 },
    { "where", 10 }, { "whip", 11 }, { "whisper", 11 }, { "white", 10 },
    { "who", 11 }, { "whole", 10 }, { "why", 11 }, { "wide", 10 },
    { "width", 11 }, { "wife", 10 }, { "wifi", 8 }, { "wild", 10 },
    { "will", 10 }, { "william", 10 }, { "willie", 10 }, { "win", 10 },
    { "wind", 10 }, { "window", 10 }, { "windows", 8 }, { "wine", 10 },
    { "wing", 10 }, { "wink", 11 }, { "winner", 10 }, { "winter", 10 },
    { "wire", 11 }, { "wireless", 8 }, { "wisdom", 11 }, { "wise", 10 },
    { "wish", 10 }, { "with", 10 }, { "witness", 11 }, { "wizard", 7 },
    { "wolf", 10 }, { "woman", 10 }, { "wonder", 10 }, { "wood", 10 },
    { "wool", 11 }, { "word", 10 }, { "work", 10 }, { "world", 10 },
    { "worry", 11 }, { "worth", 11 }, { "wrap", 11 }, { "wreck", 11 },
    { "wrestle", 11 }, { "wrist", 11 }, { "write", 10 }, { "wrong", 10 },
    { "yankees", 10 }, { "yard", 10 }, { "year", 10 }, { "yellow", 10 },
    { "yes", 10 }, { "yesterday", 10 }, { "york", 10 }, { "you", 11 },
    { "young", 10 }, { "your", 11 }, { "yuki", 10 }, { "zach", 10 },
    { "zachary", 10 }, { "zebra", 10 }, { "zero", 10 }, { "zhang", 10 },
    { "zoe", 10 }, { "zone", 11 }, { "zoo", 11 }, { "zxcv", 7 },
};


/*
 * The tables below are derived from the lists above, so that nothing is
 * built at run time; whoever edits ei_walks, ei_words or ei_leet must make
 * them again, from the definition given with each.
 */


/*
 * log2(x) in millibits for x up to the window size, 0 for 0 and 1: the
 * highest bit, then ten bits of fraction by repeated squaring of x / 2^n,
 * scaled by 1000 / 1024 and rounded down (log2(3) is 1584 here).
 */
static const uint16_t  ei_log2[EI_STRENGTH_WINDOW + 1] = {
       0,    0, 1000, 1584, 2000, 2321, 2584, 2806, 3000, 3169,
    3321, 3458, 3584, 3700, 3806, 3906, 4000, 4086, 4169, 4247,
    4321, 4391, 4458, 4523, 4584, 4643, 4700, 4754, 4806, 4857,
    4906, 4954, 5000, 5043, 5086, 5128, 5169, 5208, 5247, 5285,
    5321, 5357, 5391, 5425, 5458, 5491, 5523, 5553, 5584, 5614,
    5643, 5671, 5700, 5727, 5754, 5781, 5806, 5832, 5857, 5881,
    5906, 5930, 5954, 5976, 6000, 6021, 6043, 6065, 6086, 6108,
    6128, 6149, 6169, 6189, 6208, 6228, 6247, 6266, 6285, 6303,
    6321, 6339, 6357, 6375, 6391, 6409, 6425, 6442, 6458, 6475,
    6491, 6506, 6523, 6539, 6553, 6569, 6584, 6599, 6614, 6628,
    6643, 6658, 6671, 6685, 6700, 6713, 6727, 6741, 6754, 6767,
    6781, 6793, 6806, 6819, 6832, 6844, 6857, 6870, 6881, 6894,
    6906, 6917, 6930, 6942, 6954, 6964, 6976, 6988, 7000, 7010,
    7021, 7033, 7043, 7054, 7065, 7076, 7086, 7097, 7108, 7118,
    7128, 7138, 7149, 7159, 7169, 7179, 7189, 7199, 7208, 7218,
    7228, 7238, 7247, 7256, 7266, 7275, 7285, 7293, 7303, 7312,
    7321, 7330, 7339, 7348, 7357, 7366, 7375, 7382, 7391, 7400,
    7409, 7416, 7425, 7434, 7442, 7451, 7458, 7466, 7475, 7483,
    7491, 7499, 7506, 7515, 7523, 7531, 7539, 7546, 7553, 7561,
    7569, 7577, 7584, 7591, 7599, 7606, 7614, 7621, 7628, 7635,
    7643, 7650, 7658, 7665, 7671, 7678, 7685, 7693, 7700, 7707,
    7713, 7720, 7727, 7734, 7741, 7748, 7754, 7760, 7767, 7774,
    7781, 7787, 7793, 7800, 7806, 7813, 7819, 7826, 7832, 7838,
    7844, 7851, 7857, 7863, 7870, 7875, 7881, 7888, 7894, 7900,
    7906, 7912, 7917, 7924, 7930, 7936, 7942, 7948, 7954, 7959,
    7964, 7970, 7976, 7982, 7988, 7994, 8000
};

/*
 * ei_adjacent[a][b / 64] bit b % 64: b follows a in ei_walks, or a
 * follows b, neither being a space; so that a walk is looked for only
 * where the key's characters are adjacent two by two.
 */
static const uint64_t  ei_adjacent[EI_CHARS][2] = {
    ['!'] = { 0x0000000000000000ULL, 0x4102000000000001ULL },
    ['#'] = { 0x0000001000000000ULL, 0x0140002000000001ULL },
    ['$'] = { 0x0000002800000000ULL, 0x0004000c00000000ULL },
    ['%'] = { 0x0000001000000000ULL, 0x0050400040000000ULL },
    ['&'] = { 0x1000040000000000ULL, 0x0020400040000000ULL },
    ['\''] = { 0x2801000000000000ULL, 0x0001000008000000ULL },
    ['('] = { 0x9000060000000000ULL, 0x0000800000000000ULL },
    [')'] = { 0x4000010000000000ULL, 0x0001000080000000ULL },
    ['*'] = { 0x4000014000000000ULL, 0x0000220000000000ULL },
    ['+'] = { 0x0000000000000000ULL, 0x0000000080000000ULL },
    [','] = { 0x0280400000000000ULL, 0x0020bc0000000000ULL },
    ['-'] = { 0x2001800000000000ULL, 0x0001000028000000ULL },
    ['.'] = { 0x0901900000000000ULL, 0x00011a0000000000ULL },
    ['/'] = { 0x0a00600000000000ULL, 0x0000900000000000ULL },
    ['0'] = { 0x0202608000000000ULL, 0x0001800008000000ULL },
    ['1'] = { 0x0155000000000000ULL, 0x0182000100000000ULL },
    ['2'] = { 0x02aa000000000000ULL, 0x0482002800000000ULL },
    ['3'] = { 0x0154000000000000ULL, 0x01c4002000000000ULL },
    ['4'] = { 0x02aa000000000000ULL, 0x0014002c00000000ULL },
    ['5'] = { 0x0154000000000000ULL, 0x0254400000000000ULL },
    ['6'] = { 0x02aa000000000000ULL, 0x0230200400000000ULL },
    ['7'] = { 0x0154100000000000ULL, 0x0220420000000000ULL },
    ['8'] = { 0x02aa400000000000ULL, 0x0020a20000000000ULL },
    ['9'] = { 0x0155900000000000ULL, 0x0001820200000000ULL },
    [':'] = { 0x8000000000000000ULL, 0x0001000000000000ULL },
    [';'] = { 0x0000c08000000000ULL, 0x0001900008000000ULL },
    ['<'] = { 0x0000014000000000ULL, 0x0000080000000000ULL },
    ['='] = { 0x0000208000000000ULL, 0x0000000028000000ULL },
    ['>'] = { 0x0000060000000000ULL, 0x0000100000000000ULL },
    ['?'] = { 0x0400010000000000ULL, 0x0000000000000000ULL },
    ['@'] = { 0x0000000a00000000ULL, 0x0480000800000000ULL },
    ['['] = { 0x2801208000000000ULL, 0x0001000020000000ULL },
    ['\\'] = { 0x0000000000000000ULL, 0x0000000020000000ULL },
    [']'] = { 0x2000200000000000ULL, 0x0000000018000000ULL },
    ['^'] = { 0x0000006000000000ULL, 0x0200200400000000ULL },
    ['_'] = { 0x00000a0000000000ULL, 0x0000000000000000ULL },
    ['`'] = { 0x0002000000000000ULL, 0x0000000000000000ULL },
    ['a'] = { 0x0200000000000000ULL, 0x058a000400000000ULL },
    ['b'] = { 0x0050001000000000ULL, 0x024441ca40000000ULL },
    ['c'] = { 0x0014001000000000ULL, 0x01cc005400000001ULL },
    ['d'] = { 0x0000000000000000ULL, 0x01cc006800000000ULL },
    ['e'] = { 0x001c000800000000ULL, 0x05cc005000000000ULL },
    ['f'] = { 0x0000000000000000ULL, 0x005400bc00000000ULL },
    ['g'] = { 0x0000000000000000ULL, 0x0254414400000000ULL },
    ['h'] = { 0x0000000000000000ULL, 0x0230668400000000ULL },
    ['i'] = { 0x0380440000000000ULL, 0x0020bd0000000000ULL },
    ['j'] = { 0x0000100000000000ULL, 0x02206b0000000000ULL },
    ['k'] = { 0x1000500000000000ULL, 0x0020b60000000000ULL },
    ['l'] = { 0x4800d00000000000ULL, 0x0001aa0000000000ULL },
    ['m'] = { 0x0140140000000000ULL, 0x02005f0040000000ULL },
    ['n'] = { 0x00a0006000000000ULL, 0x0030a58400000000ULL },
    ['o'] = { 0x0b01910000000000ULL, 0x00015a0000000000ULL },
    ['p'] = { 0x0e01628000000000ULL, 0x0002900008000000ULL },
    ['q'] = { 0x0006000200000000ULL, 0x018d000200000000ULL },
    ['r'] = { 0x0038001000000000ULL, 0x001a00fc00000000ULL },
    ['s'] = { 0x0000000000000000ULL, 0x0596003a00000000ULL },
    ['t'] = { 0x0070002000000000ULL, 0x066c41c000000000ULL },
    ['u'] = { 0x01c0104000000000ULL, 0x06504f0000000000ULL },
    ['v'] = { 0x0028002800000000ULL, 0x00b000fc00000000ULL },
    ['w'] = { 0x000e000000000000ULL, 0x054a003a00000001ULL },
    ['x'] = { 0x000a000a00000000ULL, 0x068a003a00000000ULL },
    ['y'] = { 0x00e0000000000000ULL, 0x0530258440000000ULL },
    ['z'] = { 0x0004000000000000ULL, 0x03b8002200000001ULL },
    ['~'] = { 0x0000000200000000ULL, 0x0000000000000000ULL },
};


/*
 * The places of each character c in ei_walks, in order, are
 * ei_walk_at[ei_walk_first[c]] up to ei_walk_at[ei_walk_first[c + 1]].
 */
static const uint16_t  ei_walk_at[EI_WALK_CHARS] = {
    /* ! */  90, 387, 431,
    /* # */  92, 395, 439,
    /* $ */  93, 399, 443,
    /* % */  94, 403, 447,
    /* & */  96, 411, 455,
    /* ' */  76, 193, 237, 540, 562,
    /* ( */  98, 419, 463,
    /* ) */  99, 423, 467,
    /* * */  97, 415, 459,
    /* + */ 101,
    /* , */  85, 182, 225, 271, 315, 348, 377, 580, 600,
    /* - */  49, 191, 239, 489, 515,
    /* . */  86, 186, 229, 278, 316, 351, 380, 582, 602,
    /* / */  87, 190, 233, 279, 323, 354, 383, 584, 604,
    /* 0 */   1,  48, 187, 236, 282, 320, 487, 513,
    /* 1 */   2,  39, 151, 200, 243, 287, 469, 495, 613, 617, 629,
    /* 2 */   3,  40, 155, 204, 250, 288, 471, 497, 614, 620, 632,
    /* 3 */   4,  41, 159, 208, 251, 295, 473, 499, 615, 623, 635,
    /* 4 */   5,  42, 163, 212, 258, 296, 475, 501, 610, 618, 628,
    /* 5 */   6,  43, 167, 216, 259, 303, 477, 503, 611, 621, 631,
    /* 6 */   7,  44, 171, 220, 266, 304, 479, 505, 612, 624, 634,
    /* 7 */   8,  45, 175, 224, 267, 311, 481, 507, 607, 619, 627,
    /* 8 */   9,  46, 179, 228, 274, 312, 483, 509, 608, 622, 630,
    /* 9 */  10,  47, 183, 232, 275, 319, 485, 511, 609, 625, 633,
    /* : */ 425, 465,
    /* ; */  75, 189, 234, 280, 322, 353, 384, 538, 560, 583, 605,
    /* < */ 418, 456,
    /* = */  50, 194, 241, 491, 517,
    /* > */ 422, 460,
    /* ? */ 426, 464,
    /* @ */  91, 391, 435,
    /* [ */  62, 192, 238, 490, 514, 539, 563,
    /* \ */  64,
    /* ] */  63, 195, 240, 492, 516,
    /* ^ */  95, 407, 451,
    /* _ */ 100,
    /* ` */  38,
    /* a */  11,  66, 122, 153, 198, 245, 285, 326, 357, 389, 429, 520,
            542, 565, 587,
    /* b */  12,  82, 118, 148, 170, 213, 262, 300, 339, 368, 406, 444,
            574, 594,
    /* c */  13,  80, 116, 146, 162, 205, 254, 292, 333, 362, 398, 436,
            570, 590,
    /* d */  14,  68, 135, 161, 206, 253, 293, 332, 363, 397, 437, 524,
            546, 569, 591,
    /* e */  15,  54, 105, 124, 160, 207, 252, 294, 331, 364, 396, 438,
            474, 498, 523, 547,
    /* f */  16,  69, 136, 165, 210, 256, 298, 335, 366, 401, 441, 526,
            548, 571, 593,
    /* g */  17,  70, 137, 169, 214, 261, 301, 338, 369, 405, 445, 528,
            550, 573, 595,
    /* h */  18,  71, 138, 173, 218, 264, 306, 341, 372, 409, 449, 530,
            552, 575, 597,
    /* i */  19,  59, 110, 129, 180, 227, 273, 313, 346, 379, 416, 458,
            484, 508, 533, 557,
    /* j */  20,  72, 139, 177, 222, 269, 309, 344, 375, 413, 453, 532,
            554, 577, 599,
    /* k */  21,  73, 140, 181, 226, 272, 314, 347, 378, 417, 457, 534,
            556, 579, 601,
    /* l */  22,  74, 141, 185, 230, 277, 317, 350, 381, 421, 461, 536,
            558, 581, 603,
    /* m */  23,  84, 120, 142, 178, 221, 270, 308, 345, 374, 414, 452,
            578, 598,
    /* n */  24,  83, 119, 149, 174, 217, 263, 307, 342, 371, 410, 448,
            576, 596,
    /* o */  25,  60, 111, 130, 184, 231, 276, 318, 349, 382, 420, 462,
            486, 510, 535, 559,
    /* p */  26,  61, 112, 131, 188, 235, 281, 321, 352, 385, 424, 466,
            488, 512, 537, 561,
    /* q */  27,  52, 103, 133, 152, 199, 244, 286, 325, 358, 388, 430,
            470, 494, 519, 543,
    /* r */  28,  55, 106, 125, 164, 211, 257, 297, 334, 367, 400, 442,
            476, 500, 525, 549,
    /* s */  29,  67, 134, 157, 202, 248, 290, 329, 360, 393, 433, 522,
            544, 567, 589,
    /* t */  30,  56, 107, 126, 168, 215, 260, 302, 337, 370, 404, 446,
            478, 502, 527, 551,
    /* u */  31,  58, 109, 128, 176, 223, 268, 310, 343, 376, 412, 454,
            482, 506, 531, 555,
    /* v */  32,  81, 117, 147, 166, 209, 255, 299, 336, 365, 402, 440,
            572, 592,
    /* w */  33,  53, 104, 144, 156, 203, 249, 289, 328, 361, 392, 434,
            472, 496, 521, 545,
    /* x */  34,  79, 115, 145, 158, 201, 247, 291, 330, 359, 394, 432,
            568, 588,
    /* y */  35,  57, 114, 127, 172, 219, 265, 305, 340, 373, 408, 450,
            480, 504, 529, 553,
    /* z */  36,  78, 108, 123, 154, 197, 246, 284, 327, 356, 390, 428,
            566, 586,
    /* ~ */  89
};

static const uint16_t  ei_walk_first[EI_CHARS + 1] = {
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   3,   3,
      6,   9,  12,  15,  20,  23,  26,  29,  30,  39,  44,  53,
     62,  70,  81,  92, 103, 114, 125, 136, 147, 158, 169, 171,
    182, 184, 189, 191, 193, 196, 196, 196, 196, 196, 196, 196,
    196, 196, 196, 196, 196, 196, 196, 196, 196, 196, 196, 196,
    196, 196, 196, 196, 196, 196, 196, 196, 203, 204, 209, 212,
    213, 214, 229, 243, 257, 272, 288, 303, 318, 333, 349, 364,
    379, 394, 408, 422, 438, 454, 470, 486, 501, 517, 533, 547,
    563, 577, 593, 607, 607, 607, 607, 608, 608
};

/*
 * The dictionary by prefixes of three letters x y z.  The pair x y is
 * numbered x * EI_LETTERS + y, and the prefixes are numbered in the order
 * of ei_words:
 *
 *   ei_words_third[pair]    bit z: some word begins with x y z;
 *   ei_prefix_at[pair]      the number of the first prefix that begins
 *                           with x y, or that comes after them;
 *   ei_prefix_word[n]       the first word of prefix n, up to that of the
 *                           next one;
 *   ei_prefix_fourth[n]     bit l: some word of prefix n goes on with the
 *                           letter l, and bit EI_NO_LETTER: one ends there.
 *
 * So the prefix x y z is ei_prefix_at[pair] plus the bits of
 * ei_words_third[pair] below z.  EI_NO_LETTER begins no word: its row and
 * column are empty.
 */
static const uint32_t  ei_words_third[EI_LETTERS * EI_LETTERS] = {
    /* a */
    0x0020000, 0x0004900, 0x00a0004, 0x0301009, 0x0000000, 0x00a0000,
    0x0020011, 0x0001010, 0x0021000, 0x0000000, 0x0000000, 0x046c913,
    0x1044113, 0x10c654d, 0x0000000, 0x0028101, 0x0000000, 0x00e5018,
    0x0000c88, 0x0084000, 0x00c2048, 0x0004000, 0x0000011, 0x0000000,
    0x0000000, 0x0000010, 0x0000000,
    /* b */
    0x20e2c4e, 0x0000000, 0x0000000, 0x0000000, 0x02e28f5, 0x0000000,
    0x0000000, 0x0000000, 0x00a2c40, 0x0000000, 0x0000000, 0x0104101,
    0x0000000, 0x0000000, 0x1de780b, 0x0000000, 0x0000000, 0x1104111,
    0x0000000, 0x0000000, 0x10e296e, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000,
    /* c */
    0x03ebc42, 0x0000000, 0x0000000, 0x0000000, 0x0003900, 0x0000000,
    0x0000000, 0x0124911, 0x02a8000, 0x0000000, 0x0000000, 0x0104111,
    0x0000000, 0x0000000, 0x07ef92f, 0x0000000, 0x0000000, 0x1104111,
    0x0000000, 0x0000000, 0x00e8802, 0x0000000, 0x0000000, 0x0000000,
    0x0002006, 0x0000000, 0x0000000,
    /* d */
    0x17e3010, 0x0000000, 0x0000000, 0x0000000, 0x02cb877, 0x0000000,
    0x0000000, 0x0000000, 0x2262071, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0727844, 0x0000000, 0x0000000, 0x1104111,
    0x0000000, 0x0000000, 0x00c1004, 0x0000000, 0x0000001, 0x0000000,
    0x0000800, 0x0000000, 0x0000000,
    /* e */
    0x00e0040, 0x0000000, 0x0000080, 0x0400140, 0x0000000, 0x0000020,
    0x0000040, 0x0000000, 0x0000040, 0x0000000, 0x0000000, 0x004091a,
    0x000d112, 0x0084259, 0x0000000, 0x0000000, 0x0100000, 0x0020101,
    0x00c8004, 0x0000090, 0x0020040, 0x0000110, 0x0000000, 0x008c115,
    0x0000010, 0x0000000, 0x0000000,
    /* f */
    0x03e3906, 0x0000000, 0x0000000, 0x0000000, 0x0642813, 0x0000000,
    0x0000000, 0x0000000, 0x0ae2856, 0x0000000, 0x0000000, 0x1104111,
    0x0000000, 0x0000000, 0x0964945, 0x0000000, 0x0000000, 0x0104111,
    0x0000000, 0x0000000, 0x00a2810, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000,
    /* g */
    0x21e990a, 0x0000000, 0x0000000, 0x0000000, 0x00e6001, 0x0000000,
    0x0000000, 0x0004000, 0x03a2021, 0x0000000, 0x0000000, 0x0104001,
    0x0000000, 0x0000000, 0x06e4809, 0x0000000, 0x0000000, 0x0004111,
    0x0000000, 0x0000000, 0x0002111, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000,
    /* h */
    0x26eb90e, 0x0000000, 0x0000000, 0x0000000, 0x0022901, 0x0000000,
    0x0000000, 0x0000000, 0x006b840, 0x0000000, 0x0000000, 0x0000000,
    0x0000001, 0x0000000, 0x05ef806, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0080000, 0x0063042, 0x0000000, 0x0000000, 0x0000000,
    0x0000002, 0x0000000, 0x0000000,
    /* i */
    0x0002000, 0x0000000, 0x0004010, 0x0000810, 0x0000000, 0x0000000,
    0x0002000, 0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0004800,
    0x0008001, 0x02ca06c, 0x0080000, 0x0040080, 0x0000000, 0x0004000,
    0x0000801, 0x0040000, 0x0000000, 0x0004000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000,
    /* j */
    0x226b044, 0x0000000, 0x0000000, 0x0000000, 0x0462821, 0x0000000,
    0x0000000, 0x0000000, 0x0001000, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x1162593, 0x0000000, 0x0000000, 0x0000000,
    0x0004000, 0x0000000, 0x0063909, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000,
    /* k */
    0x10a2000, 0x0000000, 0x0000000, 0x0000000, 0x12a0910, 0x0000000,
    0x0000000, 0x0000000, 0x04c380c, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0004110, 0x0000000, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000002, 0x0000000, 0x0000000, 0x0000000,
    0x0000800, 0x0000000, 0x0000000,
    /* l */
    0x37eb40a, 0x0000000, 0x0000000, 0x0000000, 0x02c7065, 0x0000000,
    0x0000000, 0x0000000, 0x23d7c6b, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x17e6047, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0003544, 0x0000000, 0x0000000, 0x0000000,
    0x0020000, 0x0000000, 0x0000000,
    /* m */
    0x38eb74c, 0x0000000, 0x0000000, 0x0000000, 0x00e385d, 0x0000000,
    0x0000000, 0x0000000, 0x0863c4d, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x03e708a, 0x0000000, 0x0080000, 0x0000000,
    0x0000000, 0x0000000, 0x00c0824, 0x0000000, 0x0000000, 0x0000000,
    0x00c8400, 0x0000000, 0x0000000,
    /* n */
    0x00eb100, 0x0000000, 0x0000000, 0x0000000, 0x0fe8155, 0x0000000,
    0x0000100, 0x0000000, 0x0002044, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x06e610b, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x00a1804, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000,
    /* o */
    0x0000400, 0x02c0210, 0x0080014, 0x0004000, 0x0000000, 0x0080020,
    0x0000000, 0x0000000, 0x0000800, 0x0000000, 0x0000000, 0x0000108,
    0x0000110, 0x0000910, 0x0000000, 0x0088010, 0x0000000, 0x000814f,
    0x0080004, 0x0000080, 0x00a0000, 0x0000011, 0x0002800, 0x1000000,
    0x0040000, 0x0004000, 0x0000000,
    /* p */
    0x13eb94e, 0x0000000, 0x0000000, 0x0000000, 0x00ae809, 0x0000000,
    0x0000000, 0x1024100, 0x28ee855, 0x0000000, 0x0000000, 0x0100011,
    0x0000000, 0x0000000, 0x06eed10, 0x0000000, 0x0000000, 0x0004119,
    0x0000000, 0x0000000, 0x20eb80a, 0x0000000, 0x0000000, 0x0000000,
    0x00a0000, 0x0000000, 0x0000000,
    /* q */
    0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0004111, 0x0000000, 0x0000010, 0x0000000,
    0x0000000, 0x0000000, 0x0000000,
    /* r */
    0x36ebb0e, 0x0000000, 0x0000000, 0x0000000, 0x07dba6f, 0x0000000,
    0x0000000, 0x1000000, 0x02ce06e, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x11cf847, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x00e284a, 0x0000000, 0x0000000, 0x0000000,
    0x0000001, 0x0000000, 0x0000000,
    /* s */
    0x13a3828, 0x0000000, 0x0024191, 0x0000000, 0x02ea855, 0x0000000,
    0x0000000, 0x1124111, 0x28e385e, 0x0000000, 0x1100111, 0x0004111,
    0x0000101, 0x0004101, 0x012f82d, 0x1024991, 0x0100000, 0x0000000,
    0x0000000, 0x1124111, 0x006b16e, 0x0000010, 0x0004111, 0x0000000,
    0x0061000, 0x0000000, 0x0000000,
    /* t */
    0x08ead46, 0x0000000, 0x0000000, 0x0000000, 0x0863009, 0x0000000,
    0x0000000, 0x0124111, 0x00e384c, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x15ef55b, 0x0000000, 0x0000000, 0x1104111,
    0x0000000, 0x0000000, 0x0023012, 0x0000000, 0x0004110, 0x0000000,
    0x0008800, 0x0000000, 0x0000000,
    /* u */
    0x0080000, 0x0100000, 0x0000000, 0x0000000, 0x0000000, 0x0000000,
    0x0000800, 0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000,
    0x0000002, 0x03c0dad, 0x0000000, 0x004c8c8, 0x0000000, 0x0000042,
    0x0100011, 0x0000100, 0x0000000, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000,
    /* v */
    0x016a844, 0x0000000, 0x0000000, 0x0000000, 0x00e2880, 0x0000000,
    0x0000000, 0x0000000, 0x02ee81f, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x1080904, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000,
    /* w */
    0x12e2940, 0x0000000, 0x0000000, 0x0000000, 0x004091b, 0x0000000,
    0x0000000, 0x1004111, 0x20e2828, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0027800, 0x0000000, 0x0000000, 0x0004111,
    0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000,
    /* x */
    0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000,
    /* y */
    0x0022000, 0x0000000, 0x0000000, 0x0000000, 0x0040801, 0x0000000,
    0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0120000, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000400, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000,
    /* z */
    0x0000004, 0x0000000, 0x0000000, 0x0000000, 0x0020002, 0x0000000,
    0x0000000, 0x0000001, 0x0000000, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0006010, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000004,
    0x0000000, 0x0000000, 0x0000000,
    /* no letter */
    0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000, 0x0000000,
    0x0000000, 0x0000000, 0x0000000
};

static const uint16_t  ei_prefix_at[EI_LETTERS * EI_LETTERS + 1] = {
    /* a */
       0,    1,    4,    7,   12,   12,   14,   17,   19,
      21,   21,   21,   31,   38,   49,   49,   53,   53,
      60,   64,   66,   71,   72,   74,   74,   74,   75,
    /* b */
      75,   86,   86,   86,   86,   98,   98,   98,   98,
     104,  104,  104,  108,  108,  108,  122,  122,  122,
     128,  128,  128,  140,  140,  140,  140,  140,  140,
    /* c */
     140,  152,  152,  152,  152,  156,  156,  156,  163,
     167,  167,  167,  172,  172,  172,  189,  189,  189,
     195,  195,  195,  201,  201,  201,  201,  204,  204,
    /* d */
     204,  214,  214,  214,  214,  227,  227,  227,  227,
     236,  236,  236,  236,  236,  236,  246,  246,  246,
     252,  252,  252,  256,  256,  257,  257,  258,  258,
    /* e */
     258,  262,  262,  263,  266,  266,  267,  268,  268,
     269,  269,  269,  275,  281,  288,  288,  288,  289,
     292,  296,  298,  300,  302,  302,  309,  310,  310,
    /* f */
     310,  321,  321,  321,  321,  329,  329,  329,  329,
     340,  340,  340,  346,  346,  346,  356,  356,  356,
     361,  361,  361,  366,  366,  366,  366,  366,  366,
    /* g */
     366,  377,  377,  377,  377,  383,  383,  383,  384,
     391,  391,  391,  394,  394,  394,  403,  403,  403,
     407,  407,  407,  411,  411,  411,  411,  411,  411,
    /* h */
     411,  425,  425,  425,  425,  430,  430,  430,  430,
     437,  437,  437,  437,  438,  438,  450,  450,  450,
     450,  450,  451,  457,  457,  457,  457,  458,  458,
    /* i */
     458,  459,  459,  461,  463,  463,  463,  464,  464,
     464,  464,  464,  466,  468,  477,  478,  480,  480,
     481,  483,  484,  484,  485,  485,  485,  485,  485,
    /* j */
     485,  494,  494,  494,  494,  501,  501,  501,  501,
     502,  502,  502,  502,  502,  502,  513,  513,  513,
     513,  514,  514,  522,  522,  522,  522,  522,  522,
    /* k */
     522,  526,  526,  526,  526,  533,  533,  533,  533,
     541,  541,  541,  541,  541,  544,  544,  544,  544,
     544,  544,  544,  545,  545,  545,  545,  546,  546,
    /* l */
     546,  560,  560,  560,  560,  570,  570,  570,  570,
     586,  586,  586,  586,  586,  586,  599,  599,  599,
     599,  599,  599,  605,  605,  605,  605,  606,  606,
    /* m */
     606,  621,  621,  621,  621,  632,  632,  632,  632,
     643,  643,  643,  643,  643,  643,  654,  654,  655,
     655,  655,  655,  660,  660,  660,  660,  664,  664,
    /* n */
     664,  671,  671,  671,  671,  684,  684,  685,  685,
     688,  688,  688,  688,  688,  688,  699,  699,  699,
     699,  699,  699,  704,  704,  704,  704,  704,  704,
    /* o */
     704,  705,  710,  713,  714,  714,  716,  716,  716,
     717,  717,  717,  719,  721,  724,  724,  727,  727,
     734,  736,  737,  739,  741,  743,  744,  745,  746,
    /* p */
     746,  761,  761,  761,  761,  769,  769,  769,  773,
     786,  786,  786,  789,  789,  789,  801,  801,  801,
     806,  806,  806,  816,  816,  816,  816,  818,  818,
    /* q */
     818,  818,  818,  818,  818,  818,  818,  818,  818,
     818,  818,  818,  818,  818,  818,  818,  818,  818,
     818,  818,  818,  822,  822,  823,  823,  823,  823,
    /* r */
     823,  839,  839,  839,  839,  856,  856,  856,  857,
     868,  868,  868,  868,  868,  868,  881,  881,  881,
     881,  881,  881,  889,  889,  889,  889,  890,  890,
    /* s */
     890,  900,  900,  906,  906,  917,  917,  917,  924,
     937,  937,  942,  946,  948,  951,  962,  970,  971,
     971,  971,  978,  989,  990,  994,  994,  997,  997,
    /* t */
     997, 1009, 1009, 1009, 1009, 1016, 1016, 1016, 1022,
    1031, 1031, 1031, 1031, 1031, 1031, 1048, 1048, 1048,
    1054, 1054, 1054, 1059, 1059, 1062, 1062, 1064, 1064,
    /* u */
    1064, 1065, 1066, 1066, 1066, 1066, 1066, 1067, 1067,
    1067, 1067, 1067, 1067, 1068, 1080, 1080, 1087, 1087,
    1089, 1092, 1093, 1093, 1093, 1093, 1093, 1093, 1093,
    /* v */
    1093, 1101, 1101, 1101, 1101, 1107, 1107, 1107, 1107,
    1120, 1120, 1120, 1120, 1120, 1120, 1125, 1125, 1125,
    1125, 1125, 1125, 1125, 1125, 1125, 1125, 1125, 1125,
    /* w */
    1125, 1134, 1134, 1134, 1134, 1141, 1141, 1141, 1146,
    1154, 1154, 1154, 1154, 1154, 1154, 1159, 1159, 1159,
    1163, 1163, 1163, 1163, 1163, 1163, 1163, 1163, 1163,
    /* x */
    1163, 1163, 1163, 1163, 1163, 1163, 1163, 1163, 1163,
    1163, 1163, 1163, 1163, 1163, 1163, 1163, 1163, 1163,
    1163, 1163, 1163, 1163, 1163, 1163, 1163, 1163, 1163,
    /* y */
    1163, 1165, 1165, 1165, 1165, 1168, 1168, 1168, 1168,
    1168, 1168, 1168, 1168, 1168, 1168, 1170, 1170, 1170,
    1170, 1170, 1170, 1171, 1171, 1171, 1171, 1171, 1171,
    /* z */
    1171, 1172, 1172, 1172, 1172, 1174, 1174, 1174, 1175,
    1175, 1175, 1175, 1175, 1175, 1175, 1178, 1178, 1178,
    1178, 1178, 1178, 1178, 1178, 1178, 1179, 1179, 1179,
    /* no letter */
    1179, 1179, 1179, 1179, 1179, 1179, 1179, 1179, 1179,
    1179, 1179, 1179, 1179, 1179, 1179, 1179, 1179, 1179,
    1179, 1179, 1179, 1179, 1179, 1179, 1179, 1179, 1179,
    1179
};

static const uint16_t  ei_prefix_word[EI_PREFIXES + 1] = {
       0,    1,    2,    3,    5,   10,   11,   15,   16,   17,
      20,   21,   22,   23,   24,   25,   27,   28,   29,   30,
      31,   32,   34,   36,   40,   44,   46,   48,   49,   50,
      51,   52,   55,   56,   57,   58,   60,   61,   62,   63,
      64,   68,   73,   75,   76,   78,   79,   80,   82,   83,
      84,   86,   90,   92,   93,   95,   97,   98,  100,  101,
     104,  105,  106,  107,  108,  109,  110,  111,  113,  114,
     115,  117,  118,  122,  123,  124,  125,  129,  130,  131,
     132,  134,  138,  143,  148,  153,  154,  162,  163,  164,
     165,  166,  167,  171,  175,  177,  178,  181,  182,  183,
     184,  186,  187,  189,  192,  199,  200,  205,  207,  209,
     211,  212,  214,  215,  218,  220,  222,  224,  226,  227,
     229,  230,  231,  236,  239,  246,  249,  251,  252,  253,
     254,  255,  256,  257,  258,  260,  261,  263,  268,  272,
     273,  275,  276,  277,  280,  282,  289,  292,  306,  309,
     312,  313,  314,  315,  316,  317,  319,  335,  346,  353,
     354,  357,  361,  362,  363,  364,  366,  367,  373,  376,
     380,  385,  386,  389,  390,  391,  393,  394,  395,  399,
     406,  410,  412,  414,  420,  422,  423,  430,  431,  433,
     438,  442,  446,  450,  452,  455,  456,  457,  458,  462,
     465,  466,  467,  468,  469,  470,  472,  477,  479,  481,
     484,  485,  487,  488,  489,  492,  497,  500,  502,  504,
     505,  508,  510,  514,  517,  521,  522,  528,  533,  535,
     536,  538,  539,  540,  542,  544,  545,  547,  548,  550,
     551,  554,  555,  557,  559,  560,  561,  566,  568,  573,
     574,  575,  576,  577,  578,  580,  581,  582,  583,  585,
     588,  590,  591,  592,  596,  597,  598,  599,  600,  601,
     602,  603,  608,  611,  612,  613,  615,  616,  617,  618,
     619,  621,  622,  623,  625,  627,  628,  629,  632,  633,
     634,  635,  636,  637,  638,  639,  640,  641,  643,  644,
     645,  651,  652,  655,  656,  657,  660,  661,  666,  668,
     669,  670,  672,  676,  679,  681,  683,  685,  687,  690,
     691,  692,  695,  696,  697,  698,  699,  700,  701,  702,
     703,  704,  705,  707,  710,  716,  719,  720,  721,  722,
     724,  729,  730,  732,  737,  738,  739,  740,  741,  742,
     743,  745,  750,  758,  759,  760,  761,  765,  769,  772,
     778,  779,  780,  781,  783,  785,  786,  787,  788,  789,
     791,  794,  795,  800,  801,  804,  805,  806,  807,  813,
     814,  816,  817,  818,  819,  820,  821,  822,  824,  826,
     827,  828,  831,  837,  838,  839,  841,  844,  846,  847,
     848,  849,  850,  851,  859,  863,  866,  870,  871,  873,
     876,  877,  878,  880,  881,  882,  883,  885,  888,  889,
     893,  895,  896,  897,  898,  899,  905,  906,  909,  910,
     913,  914,  915,  916,  917,  918,  920,  922,  925,  926,
     927,  933,  934,  936,  937,  938,  940,  941,  943,  945,
     946,  948,  949,  950,  954,  957,  959,  960,  961,  962,
     963,  964,  966,  967,  968,  969,  970,  971,  975,  977,
     979,  983,  986,  988,  989,  993,  995,  996,  997,  998,
     999, 1000, 1001, 1002, 1003, 1004, 1008, 1009, 1010, 1014,
    1015, 1016, 1017, 1019, 1020, 1022, 1023, 1024, 1026, 1028,
    1031, 1032, 1033, 1034, 1035, 1036, 1038, 1039, 1040, 1041,
    1043, 1046, 1047, 1049, 1050, 1051, 1054, 1055, 1059, 1060,
    1065, 1066, 1069, 1070, 1071, 1074, 1075, 1076, 1077, 1078,
    1079, 1080, 1081, 1084, 1085, 1087, 1089, 1090, 1093, 1094,
    1098, 1099, 1100, 1102, 1104, 1105, 1106, 1110, 1112, 1114,
    1115, 1117, 1118, 1121, 1123, 1124, 1127, 1128, 1131, 1132,
    1133, 1138, 1139, 1140, 1142, 1143, 1146, 1149, 1150, 1152,
    1153, 1154, 1156, 1157, 1159, 1161, 1162, 1163, 1165, 1169,
    1170, 1171, 1173, 1174, 1175, 1177, 1178, 1180, 1181, 1183,
    1187, 1190, 1192, 1194, 1195, 1196, 1199, 1200, 1201, 1202,
    1205, 1206, 1207, 1208, 1209, 1211, 1212, 1213, 1215, 1217,
    1220, 1221, 1222, 1223, 1230, 1232, 1246, 1249, 1256, 1258,
    1259, 1260, 1264, 1265, 1267, 1268, 1269, 1272, 1274, 1277,
    1281, 1283, 1285, 1286, 1289, 1290, 1292, 1293, 1297, 1298,
    1301, 1303, 1304, 1306, 1307, 1310, 1311, 1313, 1321, 1322,
    1325, 1326, 1329, 1332, 1333, 1334, 1335, 1336, 1338, 1343,
    1344, 1345, 1346, 1349, 1350, 1351, 1352, 1353, 1354, 1355,
    1356, 1360, 1361, 1362, 1363, 1365, 1366, 1367, 1368, 1369,
    1371, 1373, 1374, 1376, 1377, 1378, 1382, 1383, 1385, 1386,
    1387, 1388, 1389, 1390, 1391, 1394, 1395, 1400, 1404, 1405,
    1406, 1407, 1408, 1409, 1410, 1411, 1412, 1413, 1414, 1415,
    1416, 1417, 1418, 1420, 1421, 1425, 1426, 1427, 1428, 1430,
    1431, 1432, 1433, 1434, 1436, 1438, 1439, 1440, 1441, 1442,
    1443, 1444, 1445, 1446, 1447, 1448, 1449, 1450, 1451, 1455,
    1456, 1458, 1459, 1461, 1462, 1463, 1464, 1465, 1466, 1467,
    1468, 1469, 1471, 1472, 1476, 1477, 1485, 1491, 1498, 1500,
    1501, 1502, 1507, 1508, 1509, 1513, 1514, 1515, 1518, 1520,
    1521, 1523, 1524, 1525, 1526, 1528, 1530, 1532, 1534, 1536,
    1537, 1538, 1539, 1540, 1541, 1542, 1543, 1553, 1555, 1558,
    1560, 1561, 1562, 1565, 1567, 1569, 1570, 1572, 1575, 1577,
    1578, 1580, 1582, 1583, 1589, 1600, 1616, 1617, 1618, 1620,
    1621, 1622, 1624, 1628, 1629, 1630, 1631, 1632, 1633, 1636,
    1638, 1642, 1643, 1645, 1646, 1650, 1651, 1655, 1656, 1658,
    1659, 1664, 1665, 1666, 1667, 1669, 1670, 1671, 1672, 1673,
    1677, 1679, 1684, 1686, 1689, 1692, 1693, 1696, 1701, 1704,
    1708, 1709, 1715, 1718, 1719, 1721, 1722, 1723, 1725, 1728,
    1729, 1730, 1732, 1733, 1734, 1735, 1736, 1737, 1739, 1740,
    1744, 1746, 1747, 1748, 1749, 1750, 1754, 1755, 1756, 1757,
    1760, 1762, 1763, 1764, 1765, 1766, 1767, 1768, 1769, 1770,
    1771, 1774, 1775, 1779, 1784, 1788, 1790, 1793, 1795, 1796,
    1797, 1801, 1802, 1804, 1806, 1809, 1813, 1817, 1823, 1825,
    1826, 1828, 1835, 1838, 1842, 1843, 1849, 1850, 1860, 1864,
    1870, 1877, 1879, 1880, 1881, 1882, 1883, 1884, 1885, 1892,
    1896, 1898, 1899, 1900, 1901, 1903, 1904, 1905, 1906, 1907,
    1911, 1912, 1913, 1915, 1917, 1921, 1924, 1926, 1927, 1930,
    1931, 1932, 1933, 1936, 1937, 1939, 1943, 1945, 1946, 1947,
    1948, 1950, 1955, 1958, 1963, 1964, 1970, 1971, 1976, 1979,
    1980, 1982, 1997, 2007, 2009, 2018, 2023, 2028, 2029, 2032,
    2034, 2036, 2037, 2039, 2040, 2041, 2046, 2050, 2056, 2059,
    2060, 2064, 2068, 2072, 2073, 2075, 2076, 2077, 2078, 2079,
    2080, 2081, 2082, 2085, 2086, 2087, 2088, 2090, 2091, 2092,
    2095, 2096, 2099, 2103, 2107, 2111, 2113, 2116, 2123, 2127,
    2130, 2133, 2137, 2138, 2139, 2140, 2141, 2145, 2147, 2148,
    2149, 2150, 2151, 2152, 2155, 2156, 2157, 2158, 2161, 2164,
    2167, 2171, 2174, 2177, 2178, 2179, 2181, 2184, 2185, 2196,
    2199, 2205, 2207, 2214, 2215, 2216, 2218, 2219, 2221, 2224,
    2226, 2229, 2230, 2231, 2233, 2234, 2235, 2236, 2237, 2239,
    2240, 2241, 2243, 2244, 2249, 2250, 2251, 2252, 2253, 2254,
    2255, 2256, 2257, 2258, 2260, 2261, 2262, 2263, 2264, 2265,
    2266, 2271, 2272, 2273, 2275, 2276, 2278, 2280, 2281, 2282,
    2283, 2284, 2285, 2286, 2289, 2293, 2294, 2295, 2296, 2298,
    2301, 2302, 2303, 2304, 2306, 2307, 2308, 2311, 2314, 2315,
    2316, 2317, 2318, 2320, 2321, 2322, 2324, 2325, 2329, 2332,
    2336, 2340, 2342, 2343, 2345, 2350, 2352, 2355, 2357, 2359,
    2360, 2361, 2364, 2368, 2371, 2373, 2374, 2376, 2378, 2382,
    2391, 2393, 2396, 2398, 2399, 2400, 2401, 2402, 2404, 2409,
    2410, 2412, 2414, 2415, 2416, 2417, 2418, 2419, 2421, 2422,
    2425, 2426, 2428, 2429, 2430, 2431, 2432, 2433, 2434, 2435
};

static const uint32_t  ei_prefix_fourth[EI_PREFIXES] = {
    0x0004000, 0x0000040, 0x0000010, 0x0300000, 0x0004010, 0x0004000,
    0x4004100, 0x0001000, 0x0020000, 0x0000100, 0x0000800, 0x0000100,
    0x0000001, 0x0000010, 0x0000100, 0x4002000, 0x0000010, 0x0000001,
    0x0000010, 0x4000000, 0x4000000, 0x0022000, 0x0100010, 0x0820000,
    0x4200014, 0x4004000, 0x0002000, 0x0000080, 0x0000010, 0x0004000,
    0x0000001, 0x2002000, 0x0000010, 0x0020000, 0x0080000, 0x0102000,
    0x0080000, 0x4000000, 0x4000000, 0x0000100, 0x4020000, 0x0020810,
    0x0001800, 0x0000800, 0x4000001, 0x0080000, 0x0400000, 0x0004080,
    0x4000000, 0x0020000, 0x4000400, 0x4000810, 0x4000100, 0x0100000,
    0x4000001, 0x5000000, 0x0100000, 0x0004100, 0x0000010, 0x4000180,
    0x0000020, 0x0000800, 0x4000000, 0x0000010, 0x0001000, 0x0000001,
    0x0000100, 0x4100000, 0x0080000, 0x0080000, 0x0100080, 0x0000100,
    0x1020400, 0x0040000, 0x0020000, 0x1000000, 0x0004400, 0x0000040,
    0x4000000, 0x0000010, 0x0000801, 0x0002409, 0x4022006, 0x0000510,
    0x4081080, 0x4000000, 0x01e2004, 0x0004000, 0x0020000, 0x0004000,
    0x0000100, 0x0000100, 0x0084900, 0x400020c, 0x0020800, 0x0080000,
    0x0080001, 0x0000010, 0x4000000, 0x0000010, 0x0000800, 0x0000008,
    0x0080008, 0x4080010, 0x004308c, 0x0002000, 0x0444004, 0x0000010,
    0x00a0000, 0x4000002, 0x1000000, 0x0080008, 0x0000002, 0x0100018,
    0x0080400, 0x0000108, 0x00c0000, 0x0080000, 0x0002000, 0x4000800,
    0x4000000, 0x4000000, 0x0202100, 0x0002001, 0x008205d, 0x0480400,
    0x0040004, 0x0000001, 0x0000002, 0x0000400, 0x0000040, 0x0000020,
    0x4000000, 0x0000800, 0x0000800, 0x0000004, 0x0042000, 0x5080180,
    0x4080000, 0x4000000, 0x0000900, 0x0000010, 0x0000010, 0x0001900,
    0x0008010, 0x4202009, 0x4080100, 0x40ad85a, 0x0080090, 0x4000084,
    0x0040000, 0x0000010, 0x0000800, 0x0000800, 0x0000010, 0x0080000,
    0x00ef900, 0x0062835, 0x000a814, 0x0004000, 0x0004104, 0x0000100,
    0x0002000, 0x0000080, 0x0000004, 0x1000100, 0x0000100, 0x1448100,
    0x0200001, 0x0001034, 0x05c0004, 0x0000002, 0x00c0004, 0x0020000,
    0x0004000, 0x0000010, 0x0000020, 0x0002000, 0x0104808, 0x0009132,
    0x00c0020, 0x0000c00, 0x1008000, 0x002a011, 0x0081000, 0x0080000,
    0x006a004, 0x0000010, 0x4000002, 0x2042028, 0x0400009, 0x00c1004,
    0x0448000, 0x0040010, 0x4048000, 0x0000010, 0x0080000, 0x4000000,
    0x02a0100, 0x0080080, 0x0000010, 0x0000010, 0x0000800, 0x0080000,
    0x0001000, 0x0008001, 0x4000144, 0x0000410, 0x0000080, 0x0000001,
    0x0000040, 0x0000110, 0x0002000, 0x4000000, 0x00a0800, 0x0124101,
    0x0000910, 0x0028000, 0x0000011, 0x0020000, 0x0080101, 0x0004001,
    0x1082100, 0x0080800, 0x0080510, 0x0000001, 0x4000510, 0x0023800,
    0x0080040, 0x0000020, 0x0000100, 0x0002000, 0x0080000, 0x0080080,
    0x0000110, 0x2000000, 0x0080400, 0x4000000, 0x0008800, 0x0000001,
    0x0002401, 0x0020000, 0x0004100, 0x0000042, 0x0000010, 0x0002000,
    0x0401060, 0x0040001, 0x020a820, 0x0008000, 0x0001000, 0x4000000,
    0x0000400, 0x0001000, 0x0080400, 0x1000000, 0x0020000, 0x0000001,
    0x0000810, 0x4080800, 0x1080000, 0x4000000, 0x0004000, 0x0000010,
    0x0080000, 0x0000001, 0x0004000, 0x4000000, 0x0000080, 0x0004000,
    0x0000010, 0x020a044, 0x2080200, 0x0000001, 0x0000010, 0x0020010,
    0x0020000, 0x0000800, 0x0000001, 0x0080000, 0x0080800, 0x0000002,
    0x4000000, 0x0021000, 0x0000900, 0x0004000, 0x0100000, 0x0020110,
    0x0000001, 0x0040000, 0x0000004, 0x0004000, 0x0000001, 0x4000000,
    0x0000001, 0x0000001, 0x0020000, 0x0000101, 0x0000010, 0x0004000,
    0x0022800, 0x0000800, 0x0001004, 0x0000100, 0x0020000, 0x00c0800,
    0x0080000, 0x0020811, 0x0020010, 0x4000000, 0x0020000, 0x0080000,
    0x00a2000, 0x0040804, 0x0000110, 0x0080004, 0x4001000, 0x0080080,
    0x4000180, 0x0000800, 0x0004000, 0x00a0000, 0x0020000, 0x0000800,
    0x0000100, 0x0000004, 0x0080000, 0x0000010, 0x4000000, 0x0000010,
    0x0080000, 0x0000800, 0x0100080, 0x0081010, 0x0002159, 0x0041010,
    0x0000080, 0x4000000, 0x0000010, 0x4001000, 0x02c1040, 0x0000010,
    0x0008040, 0x0404005, 0x0080000, 0x4000000, 0x0001000, 0x0100000,
    0x4000000, 0x0000800, 0x0000808, 0x408000a, 0x4081414, 0x0040000,
    0x0020000, 0x4000000, 0x0003000, 0x0040018, 0x4000018, 0x2043040,
    0x0000100, 0x0000800, 0x0000800, 0x4002000, 0x1002000, 0x0100000,
    0x0020000, 0x0000040, 0x0002000, 0x0000801, 0x0001010, 0x4000000,
    0x100080b, 0x4000000, 0x0000090, 0x0000040, 0x0000010, 0x0020000,
    0x0180110, 0x0020000, 0x0001001, 0x0080000, 0x4000000, 0x0040000,
    0x0002000, 0x0080000, 0x0000040, 0x0000801, 0x0000880, 0x0000800,
    0x0000010, 0x0042008, 0x0624002, 0x0000010, 0x0080000, 0x4000008,
    0x0000028, 0x0000048, 0x0000100, 0x0040000, 0x4000000, 0x0000010,
    0x0002000, 0x124a106, 0x1000051, 0x0080018, 0x0500004, 0x0020000,
    0x0040000, 0x0080808, 0x4000000, 0x0000100, 0x0000400, 0x4000000,
    0x0020000, 0x0000020, 0x0041000, 0x0042008, 0x0008000, 0x020400a,
    0x4000080, 0x4000000, 0x0000010, 0x0000400, 0x0000001, 0x02a0808,
    0x0000040, 0x0008810, 0x0020000, 0x4004010, 0x0000080, 0x0000800,
    0x4000000, 0x0080000, 0x4000000, 0x0004010, 0x4080000, 0x0000004,
    0x0000002, 0x0000400, 0x1000918, 0x0000010, 0x0004010, 0x0000008,
    0x0000010, 0x0042000, 0x0080000, 0x4000010, 0x0060000, 0x4000000,
    0x0008000, 0x4000000, 0x0000010, 0x0004103, 0x0080048, 0x00a0000,
    0x0000002, 0x0020000, 0x4000000, 0x4000000, 0x0002000, 0x0002001,
    0x0000010, 0x0004000, 0x4000000, 0x0200000, 0x0000040, 0x0120001,
    0x0000880, 0x0000110, 0x0004111, 0x0000010, 0x0004010, 0x0100000,
    0x0080111, 0x0000010, 0x0000100, 0x4000000, 0x0004000, 0x0100000,
    0x0002000, 0x0000002, 0x0000001, 0x4000000, 0x0020000, 0x0014400,
    0x0100000, 0x0000010, 0x4100110, 0x0000001, 0x4000000, 0x0004000,
    0x0000101, 0x2000000, 0x0002000, 0x0000020, 0x0000800, 0x0042000,
    0x0020010, 0x0140000, 0x0000010, 0x4000000, 0x0002000, 0x4000000,
    0x4000000, 0x0002000, 0x0002000, 0x0000010, 0x0000001, 0x0000048,
    0x0000090, 0x0020000, 0x4000004, 0x0002000, 0x0002000, 0x1000140,
    0x0000004, 0x5000100, 0x0008000, 0x4000550, 0x1000000, 0x0080000,
    0x0000040, 0x0000010, 0x0000080, 0x0000800, 0x0008000, 0x0080000,
    0x0000800, 0x0002000, 0x0000004, 0x0000100, 0x4440000, 0x0000400,
    0x4002000, 0x0000800, 0x0000002, 0x0000048, 0x0040000, 0x4080014,
    0x0000100, 0x0000010, 0x0000060, 0x0400004, 0x0000010, 0x0000010,
    0x4044010, 0x1000008, 0x0000010, 0x0008000, 0x0000048, 0x0080000,
    0x0060040, 0x0080010, 0x0000010, 0x0020040, 0x0000001, 0x4022000,
    0x0000010, 0x1000000, 0x0220028, 0x0080000, 0x0080000, 0x4000010,
    0x0004000, 0x0040048, 0x400a000, 0x0040000, 0x0081000, 0x0000010,
    0x0020000, 0x0020010, 0x4000000, 0x0080010, 0x0000080, 0x0000010,
    0x1000000, 0x0000102, 0x0100418, 0x0002000, 0x0100000, 0x0080001,
    0x0080000, 0x4000000, 0x0000010, 0x0000001, 0x0002008, 0x0040000,
    0x0000401, 0x0000101, 0x0000058, 0x0008400, 0x0000018, 0x0080000,
    0x0080000, 0x0002108, 0x0000010, 0x4000000, 0x0000001, 0x0000501,
    0x0000040, 0x0040000, 0x0000001, 0x0000002, 0x0000005, 0x0000100,
    0x0000080, 0x0020100, 0x0002100, 0x0002808, 0x0004000, 0x0000010,
    0x0001000, 0x5140041, 0x4000800, 0x5080546, 0x00c0400, 0x00a0094,
    0x4000100, 0x4000000, 0x0000010, 0x00c2008, 0x0000080, 0x0000101,
    0x0080000, 0x0000001, 0x0084100, 0x0004002, 0x4180000, 0x0020144,
    0x0040080, 0x0000081, 0x4000000, 0x0020080, 0x0000008, 0x0100080,
    0x0000010, 0x0004c10, 0x0000100, 0x0104008, 0x0020001, 0x0040000,
    0x4000010, 0x0000100, 0x0000110, 0x0000001, 0x4000010, 0x40c0518,
    0x0002000, 0x0002011, 0x0010000, 0x0004180, 0x00c2000, 0x0000010,
    0x0080000, 0x0000080, 0x0000020, 0x0080010, 0x0080194, 0x0100000,
    0x0000010, 0x0000001, 0x0080010, 0x0000080, 0x0200000, 0x0000010,
    0x0000004, 0x0000400, 0x0020000, 0x0080000, 0x0100181, 0x0020000,
    0x0000400, 0x0000008, 0x0000801, 0x0080000, 0x0000080, 0x0200000,
    0x0080000, 0x4400000, 0x00a0000, 0x0000010, 0x4040000, 0x0080000,
    0x0002000, 0x0004490, 0x0000080, 0x0000210, 0x0000080, 0x0000800,
    0x0000010, 0x0040000, 0x0000010, 0x0000008, 0x0081008, 0x0000010,
    0x4000191, 0x4000011, 0x4000000, 0x0000800, 0x0000800, 0x0000002,
    0x0040000, 0x4000000, 0x4000000, 0x1000000, 0x0000010, 0x0000004,
    0x0000001, 0x0000100, 0x0100000, 0x0000001, 0x4004000, 0x0020000,
    0x4000910, 0x0000010, 0x4000000, 0x4000000, 0x0200000, 0x0000040,
    0x0080000, 0x4000000, 0x0004000, 0x1000100, 0x0022000, 0x0004000,
    0x0000100, 0x0002000, 0x0000100, 0x0000080, 0x0000010, 0x0000001,
    0x0000040, 0x0000080, 0x0000001, 0x0020000, 0x0000010, 0x4000000,
    0x4008018, 0x0000800, 0x0022000, 0x4000000, 0x4000010, 0x0000040,
    0x0080000, 0x0002000, 0x0000800, 0x0080000, 0x0000008, 0x0000010,
    0x0002000, 0x0001001, 0x0000010, 0x0080118, 0x0000010, 0x00a0511,
    0x00c0000, 0x00a0184, 0x0040800, 0x0000010, 0x0001000, 0x0062004,
    0x0020000, 0x0000100, 0x4000045, 0x0008000, 0x0008000, 0x0041020,
    0x4000010, 0x0000800, 0x0002010, 0x0000001, 0x0040000, 0x0002000,
    0x0080400, 0x0020004, 0x4000010, 0x0004800, 0x0000410, 0x0002000,
    0x0000010, 0x0000001, 0x0080000, 0x0000004, 0x0000010, 0x2000000,
    0x10c2004, 0x0000009, 0x0002044, 0x0081000, 0x0002000, 0x0000010,
    0x0000111, 0x1000008, 0x0020800, 0x0100000, 0x0080000, 0x00c0100,
    0x0080001, 0x0000010, 0x0000018, 0x0000104, 0x4000000, 0x00c8028,
    0x324700c, 0x03cd26a, 0x0000800, 0x0000008, 0x0040800, 0x0008000,
    0x0000004, 0x0008100, 0x0048004, 0x0000080, 0x4000000, 0x2000000,
    0x0000001, 0x0000080, 0x0022800, 0x0040010, 0x2080014, 0x0080000,
    0x0020000, 0x0000002, 0x0000494, 0x0000100, 0x0042800, 0x4000000,
    0x0008800, 0x0008000, 0x000004c, 0x0000100, 0x0000010, 0x0008000,
    0x0000090, 0x0000010, 0x4000000, 0x0001000, 0x0004000, 0x0040808,
    0x0000010, 0x1004111, 0x4100000, 0x0104800, 0x0120100, 0x0000010,
    0x0000111, 0x0004111, 0x0080018, 0x0004811, 0x0100000, 0x018c104,
    0x0120100, 0x0002000, 0x0000110, 0x0000001, 0x0080000, 0x4000002,
    0x0000090, 0x0000010, 0x0000800, 0x0000180, 0x0000040, 0x0080000,
    0x0008000, 0x0000400, 0x0100000, 0x0000011, 0x0000008, 0x4104010,
    0x0000400, 0x0000010, 0x0000800, 0x0000001, 0x0000001, 0x0081420,
    0x0000010, 0x0000010, 0x0000001, 0x0082040, 0x4000001, 0x0000002,
    0x0000010, 0x4000000, 0x0000010, 0x4000000, 0x0000001, 0x0040000,
    0x0000080, 0x0002000, 0x4002008, 0x0000010, 0x0085001, 0x4108011,
    0x0000208, 0x0000001, 0x4100100, 0x0040004, 0x0000010, 0x4000000,
    0x00a2800, 0x0002000, 0x0004010, 0x0040010, 0x01a0000, 0x0100111,
    0x4062000, 0x01a4000, 0x4000008, 0x0001000, 0x0000810, 0x00c0108,
    0x4080000, 0x0200100, 0x0040000, 0x4181000, 0x0000010, 0x4028828,
    0x4020808, 0x022a030, 0x062c014, 0x0100100, 0x0000020, 0x4000000,
    0x0000800, 0x0000400, 0x0000010, 0x0000040, 0x0003080, 0x0200c10,
    0x0008100, 0x0000040, 0x0000010, 0x0080000, 0x4000010, 0x4000000,
    0x0000010, 0x0080000, 0x0080000, 0x4022800, 0x0000800, 0x4000000,
    0x0001002, 0x0002010, 0x000104c, 0x0480040, 0x0020800, 0x0000800,
    0x0008404, 0x0000020, 0x0400000, 0x0008000, 0x0000504, 0x0000001,
    0x0080100, 0x0300101, 0x0000010, 0x0000040, 0x0002000, 0x0000080,
    0x00a0000, 0x00aa800, 0x0420004, 0x0002815, 0x0000010, 0x002240c,
    0x0000100, 0x00a6100, 0x0000111, 0x4000000, 0x0000101, 0x10ab16a,
    0x0229011, 0x0000804, 0x022b004, 0x0004011, 0x0001028, 0x0000800,
    0x0401200, 0x0000084, 0x0004008, 0x0000020, 0x0000041, 0x0080000,
    0x0001000, 0x4042008, 0x0028010, 0x0228070, 0x0088001, 0x0002000,
    0x0029800, 0x0000011, 0x0083020, 0x0020000, 0x0008002, 0x0100000,
    0x0080000, 0x0000800, 0x0000400, 0x4000000, 0x0000800, 0x0000010,
    0x0000c10, 0x0000400, 0x0000010, 0x0000040, 0x0080400, 0x0080000,
    0x0000100, 0x4001004, 0x4000000, 0x0008000, 0x4082001, 0x0021010,
    0x0080000, 0x0080001, 0x0082000, 0x5027000, 0x0062000, 0x0101000,
    0x0004110, 0x4023000, 0x0000400, 0x0000010, 0x0000010, 0x0080000,
    0x4004012, 0x1000000, 0x0000010, 0x0040000, 0x0000800, 0x0040000,
    0x0000001, 0x0004009, 0x4000000, 0x0000010, 0x0000800, 0x1000010,
    0x4004001, 0x0000150, 0x40a0800, 0x4008100, 0x0082004, 0x0040000,
    0x0000001, 0x0020004, 0x0002011, 0x4000000, 0x124a16c, 0x0002011,
    0x0009047, 0x0108000, 0x00c1814, 0x4000000, 0x0000010, 0x4040000,
    0x0000002, 0x0002001, 0x0082400, 0x0002800, 0x0042004, 0x4000000,
    0x0000010, 0x0000110, 0x4000000, 0x0002000, 0x1000000, 0x0020000,
    0x0400002, 0x0000800, 0x0000010, 0x0004001, 0x0000001, 0x0290024,
    0x0002000, 0x0004000, 0x0000010, 0x0000100, 0x0040000, 0x0000010,
    0x0000001, 0x0020000, 0x0004000, 0x0004000, 0x0002000, 0x0000010,
    0x0000010, 0x0000001, 0x0000010, 0x0000040, 0x4020820, 0x0000001,
    0x0000800, 0x0100001, 0x0100000, 0x0000900, 0x4000100, 0x0004000,
    0x0000100, 0x0080000, 0x0000800, 0x0000100, 0x0200000, 0x0180008,
    0x1040102, 0x0040000, 0x0000010, 0x0000002, 0x0020000, 0x0080100,
    0x0000010, 0x0400000, 0x0000800, 0x0080004, 0x0000800, 0x0000010,
    0x0180040, 0x0000101, 0x0000001, 0x0000100, 0x0000001, 0x0000004,
    0x0100004, 0x0000010, 0x0000001, 0x0004010, 0x0080000, 0x0082c00,
    0x0080048, 0x4021020, 0x4088080, 0x0000014, 0x0000010, 0x4002000,
    0x00e8800, 0x4040000, 0x4002008, 0x0000400, 0x4020000, 0x0000004,
    0x0080000, 0x0080800, 0x0022011, 0x00c8000, 0x4000800, 0x4000000,
    0x0080010, 0x0000110, 0x0000808, 0x4082458, 0x0000010, 0x0000098,
    0x0002080, 0x0000001, 0x0000020, 0x0000001, 0x0000008, 0x0000808,
    0x00a0c08, 0x0008000, 0x0040004, 0x00c0000, 0x0002000, 0x0000400,
    0x0000008, 0x0020000, 0x0000800, 0x4080000, 0x0000400, 0x4022000,
    0x0000100, 0x0000080, 0x0020000, 0x0004000, 0x0002000, 0x4000000,
    0x0000010, 0x4000000, 0x0200000
};


static uint32_t ei_log2_choose(unsigned n, unsigned k);
static unsigned ei_kinds(const uint64_t *seen);
static unsigned ei_fold(unsigned c);
static uint32_t ei_case_bits(unsigned upper, unsigned letters,
    unsigned first_upper);
static int ei_patterns_may_count(ei_search_t *s, const unsigned char *key,
    size_t len, uint64_t naive, uint32_t few);
static void ei_window(ei_search_t *s, const unsigned char *key, size_t len);
static uint32_t ei_word_goes_on(unsigned x, unsigned y, unsigned z,
    uint32_t fourth);
static uint32_t ei_word_may(ei_search_t *s, size_t a, size_t b, size_t c,
    uint32_t fourth);
static uint32_t ei_letter_set(const unsigned char *x);
static void ei_search(ei_search_t *s, const unsigned char *key, size_t len);
static void ei_match(ei_search_t *s, size_t i);
static void ei_relax(ei_search_t *s, size_t from, size_t to, uint32_t bits);
static void ei_match_repeats(ei_search_t *s, size_t i);
static void ei_match_steps(ei_search_t *s, size_t i);
static void ei_match_walks(ei_search_t *s, size_t i);
static int ei_adjacent_chars(unsigned a, unsigned b);
static size_t ei_walk_len(const unsigned char *key, size_t avail,
    const char *walk, int dir, uint32_t *bits);
static void ei_match_words(ei_search_t *s, size_t i);
static void ei_match_prefix(ei_search_t *s, size_t i, int dir, size_t avail,
    size_t id, uint32_t fourth);
static size_t ei_word_len(const unsigned char *key, size_t avail, int dir,
    const char *word, uint32_t *bits);
static unsigned ei_popcount(uint32_t x);
static int ei_date_may_start(const unsigned char *key);
static void ei_match_dates(ei_search_t *s, size_t i);
static size_t ei_date_len(const unsigned char *key, size_t avail,
    const ei_date_field_t *const *order, unsigned sep);
static int ei_number(const unsigned char *key, size_t n);
static size_t ei_period(const unsigned char *key, size_t len);
static unsigned ei_strength_estimate(const unsigned char *key, size_t len);


/*
 * A key that is a block said again and again also costs the block and how
 * many times: windows costed apart would each pay for the block anew, so
 * past one window only that description counts, and so does it for a run
 * of one character, whose search costs the most.  Within a window the
 * search sees repeats itself, and the cheaper description is kept.
 */

unsigned
ei_strength_bits(const unsigned char *key, size_t len)
{
    size_t    p, n;
    unsigned  rep, bits;

    p = ei_period(key, len);

    if (p == 0 || 2 * p > len) {
        return ei_strength_estimate(key, len);
    }

    rep = ei_strength_bits(key, p);

    for (n = len / p; n > 1; n >>= 1) {
        rep++;
    }

    if (len > EI_STRENGTH_WINDOW || p == 1) {
        return rep;
    }

    bits = ei_strength_estimate(key, len);

    return (rep < bits) ? rep : bits;
}


static unsigned
ei_strength_estimate(const unsigned char *key, size_t len)
{
    size_t                i, n;
    uint32_t              few;
    uint64_t              seen[EI_CHARS / 64], bit, naive, best, total[2];
    unsigned              c, kinds, distinct;
    ei_search_t           s;
    const ei_alphabet_t  *a;

    if (len == 0) {
        return 0;
    }

    distinct = 0;
    seen[0] = 0;
    seen[1] = 0;

    for (i = 0; i < len; i++) {
        c = key[i];

        if (!ei_is_printable(c)) {
            return 0;
        }

        bit = (uint64_t) 1 << (c % 64);

        if ((seen[c / 64] & bit) == 0) {
            seen[c / 64] |= bit;
            distinct++;
        }
    }

    kinds = ei_kinds(seen);

    for (a = ei_alphabets; (kinds & ~a->kinds) != 0; a++) {
        /* void: the last alphabet holds every printable character */
    }

    naive = (uint64_t) len * a->bits;

    /*
     * A key of few distinct characters ("0101...", "aabbab...") is also
     * described as the choice of those characters among the alphabet,
     * then log2(distinct) bits a character.
     */

    s.step[0] = a->bits;
    s.step[1] = a->bits;
    few = 0;

    if (distinct < a->size) {
        s.step[1] = ei_log2[distinct];
        few = ei_log2_choose(a->size, distinct);
    }

    /* most keys end here: what patterns they hold cannot count */

    if (!ei_patterns_may_count(&s, key, len, naive, few)) {
        best = naive / EI_MB;
        return (best > UINT32_MAX) ? UINT32_MAX : (unsigned) best;
    }

    total[0] = 0;
    total[1] = few;

    for (i = 0; i < len; i += n) {
        n = len - i;

        if (n > EI_STRENGTH_WINDOW) {
            n = EI_STRENGTH_WINDOW;
        }

        ei_search(&s, key + i, n);

        total[0] += s.cost[0][0][0];
        total[1] += s.cost[1][0][0];
    }

    best = (total[0] < total[1]) ? total[0] : total[1];

    /* patterns that save no more than chance ones in random keys: none */

    if (naive - best < (uint64_t) EI_STRENGTH_SURPRISE * EI_MB) {
        best = naive;
    }

    best /= EI_MB;

    return (best > UINT32_MAX) ? UINT32_MAX : (unsigned) best;
}


/*
 * The smallest p such that key[i] == key[i - p] for every i >= p (len when
 * nothing shorter repeats), by the prefix function: linear in len.  Keys
 * longer than EI_STRENGTH_PERIOD_MAX are not looked at.
 */

static size_t
ei_period(const unsigned char *key, size_t len)
{
    size_t    i, k;
    uint16_t  border[EI_STRENGTH_PERIOD_MAX];

    if (len < 2 || len > EI_STRENGTH_PERIOD_MAX) {
        return len;
    }

    border[0] = 0;

    for (i = 1; i < len; i++) {
        k = border[i - 1];

        while (k > 0 && key[i] != key[k]) {
            k = border[k - 1];
        }

        if (key[i] == key[k]) {
            k++;
        }

        border[i] = (uint16_t) k;
    }

    return len - border[len - 1];
}


ei_reason_t
ei_strength_check(const unsigned char *key, size_t len,
    const ei_strength_policy_t *policy, unsigned *bits, ei_verdict_t *v)
{
    size_t    i;
    unsigned  b;

    if (bits) {
        *bits = 0;
    }

    if (len == 0) {
        return ei_verdict_fmt(v, EI_REJECT_WEAK_KEY,
                              "hmacKey must not be empty");
    }

    for (i = 0; i < len; i++) {
        if (!ei_is_printable(key[i])) {
            return ei_verdict_fmt(v, EI_REJECT_WEAK_KEY,
                           "hmacKey must be printable ASCII without spaces");
        }
    }

    /* not estimated: a long key costs time to search, and is refused */

    if (len > policy->max_length) {
        return ei_verdict_fmt(v, EI_REJECT_WEAK_KEY,
                              "hmacKey is too long: at most %zu bytes, since "
                              "Edge Impulse device firmware truncates longer "
                              "keys", policy->max_length);
    }

    b = ei_strength_bits(key, len);

    if (bits) {
        *bits = b;
    }

    if (b < policy->min_bits) {
        return ei_verdict_fmt(v, EI_REJECT_WEAK_KEY,
                              "hmacKey is too weak: about %u bits, at least "
                              "%u required", b, policy->min_bits);
    }

    return ei_verdict_set(v, EI_OK);
}


/* log2 of the number of ways to choose k of n, in millibits */

static uint32_t
ei_log2_choose(unsigned n, unsigned k)
{
    unsigned  j;
    int64_t   bits;

    bits = 0;

    for (j = 0; j < k; j++) {
        bits += (int64_t) ei_log2[n - j] - ei_log2[j + 1];
    }

    return (bits > 0) ? (uint32_t) bits : 0;
}


/* the kinds of character among those seen, a bit of seen[c / 64] each */

static unsigned
ei_kinds(const uint64_t *seen)
{
    unsigned  kinds;

    kinds = 0;

    if (seen[0] & ei_chars('0', '9')) {
        kinds |= EI_CH_DIGIT;
    }

    if (seen[1] & ei_chars('a', 'f')) {
        kinds |= EI_CH_HEX_LOWER;
    }

    if (seen[1] & ei_chars('g', 'z')) {
        kinds |= EI_CH_LOWER;
    }

    if (seen[1] & ei_chars('A', 'F')) {
        kinds |= EI_CH_HEX_UPPER;
    }

    if (seen[1] & ei_chars('G', 'Z')) {
        kinds |= EI_CH_UPPER;
    }

    if ((seen[0] & (ei_chars('+', '+') | ei_chars('/', '/')
                    | ei_chars('=', '=') | ei_chars('-', '-')))
        || (seen[1] & ei_chars('_', '_')))
    {
        kinds |= EI_CH_BASE64;
    }

    if ((seen[0] & ~(ei_chars('0', '9') | ei_chars('+', '+')
                     | ei_chars('/', '/') | ei_chars('=', '=')
                     | ei_chars('-', '-')))
        || (seen[1] & ~(ei_chars('a', 'z') | ei_chars('A', 'Z')
                        | ei_chars('_', '_'))))
    {
        kinds |= EI_CH_OTHER;
    }

    return kinds;
}


static unsigned
ei_fold(unsigned c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}


/*
 * Capitals in a word or walk: none is free, all of them or just the first
 * cost a bit, any other mix a bit a letter, as in a random key.
 */

static uint32_t
ei_case_bits(unsigned upper, unsigned letters, unsigned first_upper)
{
    if (upper == 0) {
        return 0;
    }

    if (upper == letters || (upper == 1 && first_upper)) {
        return EI_MB;
    }

    return letters * EI_MB;
}


/*
 * Whether the patterns could count at all.  The description with step[k]
 * costs at least len * step[k] (plus few for step[1]) less what the
 * patterns save; each pattern saves at most its length times step[k]
 * less its cost and the announcement after another pattern.  The bound
 * sums the best such saving at each position where a pattern is found,
 * a backward word counting at its last character: patterns that do not
 * overlap never share that position.  When neither sum reaches what the
 * patterns must save to count, the search would answer the plain count.
 */

static int
ei_patterns_may_count(ei_search_t *s, const unsigned char *key, size_t len,
    uint64_t naive, uint32_t few)
{
    size_t    i, j, n;
    int64_t   need[2], saved[2];
    uint32_t  step;

    /* no window yet; walks shorter than walk_min save nothing */

    s->key = NULL;
    s->bound = 1;

    step = (s->step[0] > s->step[1]) ? s->step[0] : s->step[1];

    for (n = EI_WALK_MIN; n <= EI_STRENGTH_WINDOW; n++) {
        if (n * step > EI_WALK_BITS + EI_NEXT_PATTERN_BITS
                       + 2 * (uint32_t) ei_log2[n])
        {
            break;
        }
    }

    s->walk_min = n;

    /*
     * what the patterns must save for the cheapest description to be
     * EI_STRENGTH_SURPRISE bits under the plain count, with each step
     */

    need[0] = (int64_t) EI_STRENGTH_SURPRISE * EI_MB;
    need[1] = need[0] - (int64_t) naive + few + (int64_t) len * s->step[1];

    if (need[1] <= 0) {
        /* the few distinct characters alone save enough */
        return 1;
    }

    saved[0] = 0;
    saved[1] = 0;

    for (i = 0; i < len; i += n) {
        n = len - i;

        if (n > EI_STRENGTH_WINDOW) {
            n = EI_STRENGTH_WINDOW;
        }

        ei_window(s, key + i, n);

        for (j = 0; j < n; j++) {
            if (s->may[j] == 0) {
                /* nothing starts here, nor ends backward */
                continue;
            }

            s->gain[0] = 0;
            s->gain[1] = 0;

            ei_match(s, j);

            if ((s->gain[0] | s->gain[1]) == 0) {
                continue;
            }

            saved[0] += s->gain[0];
            saved[1] += s->gain[1];

            if (saved[0] >= need[0] || saved[1] >= need[1]) {
                return 1;
            }
        }
    }

    return 0;
}


/*
 * What the matches need to know of key[0..len) beforehand, and where each
 * kind of pattern may start: one pass, which learns at position i what
 * ends there, and marks the positions before.
 */

static void
ei_window(ei_search_t *s, const unsigned char *key, size_t len)
{
    size_t          i, k, walk, walk_min, digits;
    unsigned        c, f, prev, x, y, z, w, second, two;
    uint32_t        block, h, set;
    const char     *leet;
    unsigned char  *may, *head;

    s->key = key;
    s->len = len;
    may = s->may;
    head = s->head;
    walk_min = s->walk_min;

    memset(head, 0, EI_BLOCK_HASH_SIZE);

    block = 0;
    digits = 0;
    prev = 0;
    walk = 0;

    /*
     * the first letters of i - 1 (y), i - 2 (z) and i - 3 (w), and which of
     * i, i - 1, i - 2 ... name two letters (bits 0, 1, 2 ...)
     */
    two = 0;
    y = EI_NO_LETTER;
    z = EI_NO_LETTER;
    w = EI_NO_LETTER;

    for (i = 0; i < len; i++) {
        c = key[i];
        may[i] = 0;

        /*
         * The block of three characters that ends at i, chained with the
         * earlier ones of its hash: a repeat may start at i - 2 if one of
         * those is within reach, and a run of steps if an earlier block up
         * to EI_STEP_PERIOD back is this one minus or plus one, character
         * by character.  A printable character plus or minus one stays
         * within its byte, so the hash of the block plus or minus
         * 0x010101 is that of the block plus or minus EI_BLOCK_HASH_STEP.
         */

        block = (block << 8 | c) & 0xffffff;

        if (i >= 2) {
            h = block * EI_BLOCK_HASH_MUL;

            k = head[(h - EI_BLOCK_HASH_STEP) >> (32 - EI_BLOCK_HASH_BITS)];

            if (k != 0 && i - 1 - k <= EI_STEP_PERIOD) {
                may[i - 2] |= EI_MAY_STEP;
            }

            k = head[(h + EI_BLOCK_HASH_STEP) >> (32 - EI_BLOCK_HASH_BITS)];

            if (k != 0 && i - 1 - k <= EI_STEP_PERIOD) {
                may[i - 2] |= EI_MAY_STEP;
            }

            h >>= 32 - EI_BLOCK_HASH_BITS;
            k = head[h];

            s->prev[i - 2] = (unsigned char) k;
            head[h] = (unsigned char) (i - 1);

            if (k != 0 && i - 1 - k <= EI_REPEAT_PERIOD) {
                may[i - 2] |= EI_MAY_REPEAT;
            }
        }

        /*
         * years and dates: four digits, or two and a separator, the first
         * two between 01 and 31 (a day, a month, 19 or 20 of a year)
         */

        if (c >= '0' && c <= '9') {
            digits++;

            if (digits >= 4 && ei_date_may_start(key + i - 3)) {
                may[i - 3] |= EI_MAY_DATE;
            }

        } else {
            if (digits >= 2 && ei_is_date_sep(c)
                && ei_date_may_start(key + i - 2))
            {
                may[i - 2] |= EI_MAY_DATE;
            }

            digits = 0;
        }

        /* the letters that c is or stands for, the first one decides */

        x = (c | 0x20) - 'a';
        f = c;
        second = EI_NO_LETTER;

        if (x < 26) {
            f = 'a' + x;

        } else {
            leet = ei_leet[c % EI_CHARS];
            x = (leet[0] != '\0') ? (unsigned) (leet[0] - 'a') : EI_NO_LETTER;

            if (leet[1] != '\0') {
                second = (unsigned) (leet[1] - 'a');
            }
        }

        two = two << 1 | (second != EI_NO_LETTER);

        s->letter[i][0] = (unsigned char) x;
        s->letter[i][1] = (unsigned char) second;

        /* walks: pairs of adjacent characters that end at i */

        if (prev != 0 && ei_adjacent_chars(prev, f)) {
            walk++;

            if (walk + 1 >= EI_WALK_MIN) {
                may[i + 1 - EI_WALK_MIN] |= EI_MAY_WALK;
            }

            if (walk + 1 >= walk_min) {
                may[i + 1 - walk_min] |= EI_MAY_LONG_WALK;
            }

        } else {
            walk = 0;
        }

        prev = f;

        /*
         * Words forward from i - 3, whose first three letters go on with
         * one of c or end, and backward from i, which count from four
         * letters on.  Where a character of the three names two letters,
         * ei_word_may() tries them all.  EI_NO_LETTER stands for the
         * positions before 0, and its bit is in no set of letters.
         */

        set = ei_letter_bit(x) | ei_letter_bit(second);

        if ((two & 0xe) == 0) {
            if (((ei_words_third[w * EI_LETTERS + z] >> y) & 1)
                && ei_word_goes_on(w, z, y, set | EI_WORD_ENDS))
            {
                may[i - 3] |= EI_MAY_WORD;
            }

        } else if (i >= 3
                   && ei_word_may(s, i - 3, i - 2, i - 1, set | EI_WORD_ENDS))
        {
            may[i - 3] |= EI_MAY_WORD;
        }

        if (i < 3) {
            /* backward words count from four letters on */

        } else if ((two & 0x7) == 0) {
            if (((ei_words_third[x * EI_LETTERS + y] >> z) & 1)
                && ei_word_goes_on(x, y, z, ei_letter_set(s->letter[i - 3])))
            {
                may[i] |= EI_MAY_DROW;
            }

        } else if (ei_word_may(s, i, i - 1, i - 2,
                               ei_letter_set(s->letter[i - 3])))
        {
            may[i] |= EI_MAY_DROW;
        }

        w = z;
        z = y;
        y = x;
    }

    /* the last three letters, if a word ends there */

    if (len < 3) {
        return;
    }

    if ((two & 0x7) == 0) {
        if (((ei_words_third[w * EI_LETTERS + z] >> y) & 1)
            && ei_word_goes_on(w, z, y, EI_WORD_ENDS))
        {
            may[len - 3] |= EI_MAY_WORD;
        }

    } else if (ei_word_may(s, len - 3, len - 2, len - 1, EI_WORD_ENDS)) {
        may[len - 3] |= EI_MAY_WORD;
    }
}


/*
 * Whether a word begins with the letters x y z, as some word does, and
 * goes on with a letter of fourth, or ends there (EI_WORD_ENDS)
 */

static uint32_t
ei_word_goes_on(unsigned x, unsigned y, unsigned z, uint32_t fourth)
{
    size_t  pair;

    pair = x * EI_LETTERS + y;

    return ei_prefix_fourth[ei_prefix_at[pair]
                            + ei_popcount(ei_words_third[pair]
                                          & ((1u << z) - 1))]
           & fourth;
}


/*
 * Whether a word begins with letters of the characters at a, b and c, and
 * goes on as above: every choice of the letters is tried, once a glance at
 * all of them together shows that one may do.
 */

static uint32_t
ei_word_may(ei_search_t *s, size_t a, size_t b, size_t c, uint32_t fourth)
{
    size_t                x, y, z;
    const unsigned char  *la, *lb, *lc;

    la = s->letter[a];
    lb = s->letter[b];
    lc = s->letter[c];

    /* EI_NO_LETTER begins no word and goes on none: no need to skip it */

    if (((ei_words_third[la[0] * EI_LETTERS + lb[0]]
          | ei_words_third[la[0] * EI_LETTERS + lb[1]]
          | ei_words_third[la[1] * EI_LETTERS + lb[0]]
          | ei_words_third[la[1] * EI_LETTERS + lb[1]])
         & ei_letter_set(lc))
        == 0)
    {
        return 0;
    }

    for (x = 0; x < 2; x++) {
        for (y = 0; y < 2; y++) {
            for (z = 0; z < 2; z++) {
                if (((ei_words_third[la[x] * EI_LETTERS + lb[y]] >> lc[z]) & 1)
                    && ei_word_goes_on(la[x], lb[y], lc[z], fourth))
                {
                    return 1;
                }
            }
        }
    }

    return 0;
}


static uint32_t
ei_letter_set(const unsigned char *x)
{
    return ei_letter_bit(x[0]) | ei_letter_bit(x[1]);
}


/*
 * The cheapest description of key[0..len), from its end: cost[k][1][i]
 * when a pattern ends just before i, cost[k][0][i] otherwise.  A pattern
 * that follows another costs less to announce: a person strings words and
 * digits together, a random key holds lone chance patterns.  cost[k][.][i]
 * is final once every pattern starting at i has been tried; a pattern read
 * backward (a reversed word) that ends at i is offered to the cost of its
 * start, which is settled later.
 */

static void
ei_search(ei_search_t *s, const unsigned char *key, size_t len)
{
    size_t    i;
    unsigned  k;
    uint32_t  c;

    s->bound = 0;

    /* the window that the bound saw last is ready */

    if (s->key != key || s->len != len) {
        ei_window(s, key, len);
    }

    for (k = 0; k < 2; k++) {
        for (i = 0; i < len; i++) {
            s->cost[k][0][i] = EI_INFINITE;
            s->cost[k][1][i] = EI_INFINITE;
        }

        s->cost[k][0][len] = 0;
        s->cost[k][1][len] = 0;
    }

    for (i = len; i-- > 0; /* void */) {

        for (k = 0; k < 2; k++) {
            c = s->cost[k][0][i + 1] + s->step[k];

            if (c < s->cost[k][0][i]) {
                s->cost[k][0][i] = c;
            }

            if (c < s->cost[k][1][i]) {
                s->cost[k][1][i] = c;
            }
        }

        if (s->may[i] != 0) {
            ei_match(s, i);
        }
    }
}


/*
 * every pattern that starts at i, and every backward word ending there,
 * of the kinds that the window shows may
 */

static void
ei_match(ei_search_t *s, size_t i)
{
    unsigned  may;

    may = s->may[i];

    if (may & EI_MAY_REPEAT) {
        ei_match_repeats(s, i);
    }

    if (may & EI_MAY_STEP) {
        ei_match_steps(s, i);
    }

    if (may & (s->bound ? EI_MAY_LONG_WALK : EI_MAY_WALK)) {
        ei_match_walks(s, i);
    }

    if (may & (EI_MAY_WORD | EI_MAY_DROW)) {
        ei_match_words(s, i);
    }

    if (may & EI_MAY_DATE) {
        ei_match_dates(s, i);
    }
}


/* key[from..to) is one pattern of the given cost */

static void
ei_relax(ei_search_t *s, size_t from, size_t to, uint32_t bits)
{
    int32_t   saved;
    unsigned  k;
    uint32_t  c;

    if (s->bound) {
        for (k = 0; k < 2; k++) {
            saved = (int32_t) ((to - from) * s->step[k])
                    - (int32_t) (bits + EI_NEXT_PATTERN_BITS);

            if (saved > s->gain[k]) {
                s->gain[k] = saved;
            }
        }

        return;
    }

    for (k = 0; k < 2; k++) {
        c = s->cost[k][1][to] + bits;

        if (c + EI_PATTERN_BITS < s->cost[k][0][from]) {
            s->cost[k][0][from] = c + EI_PATTERN_BITS;
        }

        if (c + EI_NEXT_PATTERN_BITS < s->cost[k][1][from]) {
            s->cost[k][1][from] = c + EI_NEXT_PATTERN_BITS;
        }
    }
}


/*
 * Repeats of the block p characters back ("abcabc", "aaaa" with p = 1),
 * as long as they go: the period and the length name them.  A repeat of
 * EI_REPEAT_MIN characters or more starts with a block of three seen
 * before, so only the positions chained with i are tried.
 */

static void
ei_match_repeats(ei_search_t *s, size_t i)
{
    size_t                j, p, n;
    const unsigned char  *key;

    key = s->key;

    for (j = s->prev[i]; j != 0; j = s->prev[j - 1]) {
        p = i + 1 - j;

        if (p > EI_REPEAT_PERIOD) {
            break;
        }

        if (key[i] != key[i - p]
            || key[i + 1] != key[i + 1 - p]
            || key[i + 2] != key[i + 2 - p])
        {
            /* another block of the same hash */
            continue;
        }

        for (n = EI_REPEAT_MIN; i + n < s->len; n++) {
            if (key[i + n] != key[i + n - p]) {
                break;
            }
        }

        ei_relax(s, i, i + n, EI_REPEAT_BITS + ei_log2[p] + 2 * ei_log2[n]);
    }
}


/*
 * The same with a step of one for short periods ("abcd", "4321",
 * "a1b2c3"): each character one more, or one less, than the one p before.
 */

static void
ei_match_steps(ei_search_t *s, size_t i)
{
    size_t                p, n, max;
    unsigned              d;
    const unsigned char  *key;

    key = s->key;
    max = (i < EI_STEP_PERIOD) ? i : EI_STEP_PERIOD;

    for (p = 1; p <= max; p++) {

        /* 0 down, 2 up */
        d = (unsigned) (key[i] - key[i - p] + 1);

        if ((d & ~2u) != 0) {
            continue;
        }

        for (n = 1; i + n < s->len; n++) {
            if ((unsigned) (key[i + n] - key[i + n - p] + 1) != d) {
                break;
            }
        }

        if (n >= EI_REPEAT_MIN) {
            ei_relax(s, i, i + n,
                     EI_REPEAT_BITS + ei_log2[p] + 2 * ei_log2[n]);
        }
    }
}


/*
 * Walks through the key from i: each place of the key's character in the
 * walks is tried, where the next character goes on in that direction.
 */

static void
ei_match_walks(ei_search_t *s, size_t i)
{
    size_t       n, k;
    unsigned     c, next;
    uint32_t     bits;
    const char  *p;

    c = ei_fold(s->key[i]);
    next = ei_fold(s->key[i + 1]);

    for (k = ei_walk_first[c]; k < ei_walk_first[c + 1]; k++) {
        p = ei_walks + ei_walk_at[k];

        if ((unsigned char) p[1] == next) {
            n = ei_walk_len(s->key + i, s->len - i, p, 1, &bits);

            if (n >= EI_WALK_MIN) {
                ei_relax(s, i, i + n,
                         EI_WALK_BITS + 2 * ei_log2[n] + bits);
            }
        }

        if ((unsigned char) p[-1] == next) {
            n = ei_walk_len(s->key + i, s->len - i, p, -1, &bits);

            if (n >= EI_WALK_MIN) {
                bits += EI_WALK_BITS + 2 * ei_log2[n] + EI_REVERSED_BITS;
                ei_relax(s, i, i + n, bits);
            }
        }
    }
}


static int
ei_adjacent_chars(unsigned a, unsigned b)
{
    return (ei_adjacent[a % EI_CHARS][b / 64 % 2] >> (b % 64)) & 1;
}


/* how far the key follows the walk, in direction dir, up to a space */

static size_t
ei_walk_len(const unsigned char *key, size_t avail, const char *walk,
    int dir, uint32_t *bits)
{
    size_t    n;
    unsigned  c, upper, letters;

    letters = 0;
    upper = 0;

    for (n = 0; n < avail; n++, walk += dir) {
        c = key[n];

        if (ei_fold(c) != (unsigned char) *walk) {
            break;
        }

        if (c != ei_fold(c)) {
            upper++;
        }

        if (*walk >= 'a' && *walk <= 'z') {
            letters++;
        }
    }

    *bits = ei_case_bits(upper, letters, n && key[0] != ei_fold(key[0]));

    return n;
}


/*
 * Dictionary words from i on, and words spelled backward that end at i.
 * The letters that the first three characters are or stand for name the
 * prefixes tried, and the fourth must go on one of their words.
 */

static void
ei_match_words(ei_search_t *s, size_t i)
{
    int                   dir;
    size_t                avail, pair, id, x, y, z;
    uint32_t              thirds, fourth;
    ptrdiff_t             at;
    const unsigned char  *a, *b, *c;

    for (dir = 1; dir >= -1; dir -= 2) {

        if ((s->may[i] & ((dir > 0) ? EI_MAY_WORD : EI_MAY_DROW)) == 0) {
            continue;
        }

        /* the window saw three characters at least in that direction */

        avail = (dir > 0) ? s->len - i : i + 1;
        at = (ptrdiff_t) i;
        a = s->letter[at];
        b = s->letter[at + dir];
        c = s->letter[at + 2 * dir];

        fourth = 0;

        if (avail > EI_PREFIX) {
            fourth = ei_letter_set(s->letter[at + EI_PREFIX * dir]);
        }

        for (x = 0; x < 2 && a[x] != EI_NO_LETTER; x++) {
            for (y = 0; y < 2 && b[y] != EI_NO_LETTER; y++) {

                pair = a[x] * EI_LETTERS + b[y];
                thirds = ei_words_third[pair];

                for (z = 0; z < 2 && c[z] != EI_NO_LETTER; z++) {

                    if (((thirds >> c[z]) & 1) == 0) {
                        continue;
                    }

                    /* the number of the prefix, and what follows it */

                    id = ei_prefix_at[pair]
                         + ei_popcount(thirds & ((1u << c[z]) - 1));

                    if (ei_prefix_fourth[id] & (fourth | EI_WORD_ENDS)) {
                        ei_match_prefix(s, i, dir, avail, id, fourth);
                    }
                }
            }
        }
    }
}


/* the words of prefix id that the key spells from i in direction dir */

static void
ei_match_prefix(ei_search_t *s, size_t i, int dir, size_t avail, size_t id,
    uint32_t fourth)
{
    size_t            n;
    uint32_t          bits;
    const ei_word_t  *w, *end;

    end = &ei_words[ei_prefix_word[id + 1]];

    for (w = &ei_words[ei_prefix_word[id]]; w < end; w++) {

        if (w->word[EI_PREFIX] != '\0'
            && (fourth & ei_letter(w->word[EI_PREFIX])) == 0)
        {
            continue;
        }

        n = ei_word_len(s->key + i, avail, dir, w->word, &bits);

        if (n == 0) {
            continue;
        }

        bits += w->bits * EI_MB;

        if (dir > 0) {
            ei_relax(s, i, i + n, bits);

        } else if (n >= EI_REVERSED_MIN) {
            ei_relax(s, i + 1 - n, i + 1, bits + EI_REVERSED_BITS);
        }
    }
}


/*
 * Length of word if the key spells it from key[0] in direction dir, 0
 * otherwise; *bits gets the cost of its capitals and leet substitutes.
 */

static size_t
ei_word_len(const unsigned char *key, size_t avail, int dir,
    const char *word, uint32_t *bits)
{
    size_t       n;
    unsigned     c, w, upper, leets, first_upper;
    ptrdiff_t    at;
    const char  *leet;

    upper = 0;
    leets = 0;
    first_upper = 0;

    for (n = 0, at = 0; word[n] != '\0'; n++, at += dir) {
        if (n == avail) {
            return 0;
        }

        c = key[at];
        w = (unsigned char) word[n];

        if (c == w) {
            continue;
        }

        if (ei_fold(c) == w) {
            upper++;
            first_upper |= (n == 0);
            continue;
        }

        leet = ei_leet[c % EI_CHARS];

        if ((unsigned char) leet[0] != w && (unsigned char) leet[1] != w) {
            return 0;
        }

        leets++;
    }

    /* a word mostly of substitutes is a number, or chance */

    if (leets * 2 > n || (n <= 4 && leets > 1)) {
        return 0;
    }

    /*
     * people write words in lower case, capitalized or in capitals; other
     * mixes are what random keys hold by chance
     */

    if (upper != 0 && upper != n - leets && !(upper == 1 && first_upper)) {
        return 0;
    }

    *bits = ei_case_bits(upper, (unsigned) (n - leets), first_upper)
            + leets * EI_LEET_BITS;

    return n;
}


/* the bits set in x */

static unsigned
ei_popcount(uint32_t x)
{
    x -= (x >> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >> 2) & 0x33333333);
    x = (x + (x >> 4)) & 0x0f0f0f0f;

    return (x * 0x01010101) >> 24;
}


/* whether two digits are between 01 and 31, as every form starts */

static int
ei_date_may_start(const unsigned char *key)
{
    int  two;

    two = (key[0] - '0') * 10 + key[1] - '0';

    return two >= ei_date_day.lo && two <= ei_date_day.hi;
}


/* years 1900-2099, and dates as YYYYMMDD, DDMMYYYY or MMDDYYYY */

static void
ei_match_dates(ei_search_t *s, size_t i)
{
    int                   year;
    size_t                n, o, avail, digits, width;
    unsigned              sep;
    const unsigned char  *key;

    key = s->key + i;
    avail = s->len - i;

    if (avail < 4) {
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

    if (digits >= ei_date_year.width) {
        year = ei_number(key, ei_date_year.width);

        if (year >= ei_date_year.lo && year <= ei_date_year.hi) {
            ei_relax(s, i, i + ei_date_year.width, EI_YEAR_BITS);
        }
    }

    for (o = 0; o < sizeof(ei_date_orders) / sizeof(ei_date_orders[0]); o++) {
        for (sep = 0; sep < 2; sep++) {

            /* eight digits, or the first field and a separator */

            width = ei_date_orders[o][0]->width;

            if (sep ? (digits != width || width == avail
                       || !ei_is_date_sep(key[width]))
                    : digits < 8)
            {
                continue;
            }

            n = ei_date_len(key, avail, ei_date_orders[o], sep);

            if (n) {
                ei_relax(s, i, i + n, EI_DATE_BITS + sep * EI_DATE_SEP_BITS);
            }
        }
    }
}


/* length of a date in the given order, with one separator or none */

static size_t
ei_date_len(const unsigned char *key, size_t avail,
    const ei_date_field_t *const *order, unsigned sep)
{
    int                     v;
    size_t                  pos;
    unsigned                f, c;
    const ei_date_field_t  *field;

    pos = 0;
    c = 0;

    for (f = 0; f < 3; f++) {
        field = order[f];

        if (f > 0 && sep) {
            if (pos >= avail) {
                return 0;
            }

            if (f == 1) {
                c = key[pos];

                if (!ei_is_date_sep(c)) {
                    return 0;
                }

            } else if (key[pos] != c) {
                return 0;
            }

            pos++;
        }

        if (avail - pos < field->width) {
            return 0;
        }

        v = ei_number(key + pos, field->width);

        if (v < field->lo || v > field->hi) {
            return 0;
        }

        pos += field->width;
    }

    return pos;
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
