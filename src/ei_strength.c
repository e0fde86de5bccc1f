/*
 * Strength estimate of an hmacKey (SPEC section 5).
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
 * Costs are integers in millibits: no libm, and 32 hex digits are exactly
 * 128000.  Nothing here allocates or keeps state; the work is the key's
 * length times the size of the tables.
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
     * cost[k][p][i]: the cheapest description of key[i..len) with step[k],
     * p telling whether a pattern ends just before i
     */
    uint32_t              cost[2][2][EI_STRENGTH_WINDOW + 1];

    /*
     * how many characters from i on equal the one p before them (same),
     * or that one plus one (up) or minus one (down)
     */
    uint16_t              same[EI_REPEAT_PERIOD + 1];
    uint16_t              up[EI_STEP_PERIOD + 1];
    uint16_t              down[EI_STEP_PERIOD + 1];

    /* adjacent[a][b / 32] bit b % 32: b follows a in a walk, either way */
    uint32_t              adjacent[EI_CHARS][EI_CHARS / 32];
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
 * the hex digits' run from 9 on to a.
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
 * ("p@ssw0rd"), as bit sets of letters.
 */
#define ei_letter(c)  (1u << ((c) - 'a'))

static const uint32_t  ei_leet[EI_CHARS] = {
    ['!'] = ei_letter('i'),
    ['$'] = ei_letter('s'),
    ['0'] = ei_letter('o'),
    ['1'] = ei_letter('i') | ei_letter('l'),
    ['2'] = ei_letter('z'),
    ['3'] = ei_letter('e'),
    ['4'] = ei_letter('a'),
    ['5'] = ei_letter('s'),
    ['6'] = ei_letter('g'),
    ['7'] = ei_letter('t'),
    ['8'] = ei_letter('b'),
    ['9'] = ei_letter('g'),
    ['@'] = ei_letter('a')
};


/*
 * Dictionary words, lowercase, three letters at least, sorted (the lookup
 * binary-searches the first two letters), with the bits that name one:
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

#define EI_WORDS  (sizeof(ei_words) / sizeof(ei_word_t))


static uint32_t ei_log2(uint32_t x);
static uint32_t ei_log2_choose(unsigned n, unsigned k);
static unsigned ei_char_kind(unsigned c);
static unsigned ei_fold(unsigned c);
static uint32_t ei_case_bits(unsigned upper, unsigned letters,
    unsigned first_upper);
static void ei_adjacent_init(ei_search_t *s);
static void ei_search(ei_search_t *s, const unsigned char *key, size_t len);
static void ei_relax(ei_search_t *s, size_t from, size_t to, uint32_t bits);
static void ei_match_repeats(ei_search_t *s, size_t i);
static void ei_match_walks(ei_search_t *s, size_t i);
static int ei_adjacent(ei_search_t *s, unsigned a, unsigned b);
static size_t ei_walk_len(const unsigned char *key, size_t avail,
    const char *walk, int dir, uint32_t *bits);
static void ei_match_words(ei_search_t *s, size_t i);
static size_t ei_letters(unsigned c, unsigned *letters);
static size_t ei_words_first(unsigned c0, unsigned c1);
static size_t ei_word_len(const unsigned char *key, size_t avail, int dir,
    const char *word, uint32_t *bits);
static void ei_match_dates(ei_search_t *s, size_t i);
static size_t ei_date_len(const unsigned char *key, size_t avail,
    const ei_date_field_t *const *order, unsigned sep);
static int ei_number(const unsigned char *key, size_t n);


unsigned
ei_strength_bits(const unsigned char *key, size_t len)
{
    size_t                i, n;
    uint32_t              seen[EI_CHARS / 32], few;
    uint64_t              naive, total[2], best;
    unsigned              c, kinds, distinct;
    ei_search_t           s;
    const ei_alphabet_t  *a;

    if (len == 0) {
        return 0;
    }

    kinds = 0;
    distinct = 0;
    memset(seen, 0, sizeof(seen));

    for (i = 0; i < len; i++) {
        c = key[i];

        if (!ei_is_printable(c)) {
            return 0;
        }

        kinds |= ei_char_kind(c);

        if ((seen[c / 32] & (1u << (c % 32))) == 0) {
            seen[c / 32] |= 1u << (c % 32);
            distinct++;
        }
    }

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
        s.step[1] = ei_log2(distinct);
        few = ei_log2_choose(a->size, distinct);
    }

    ei_adjacent_init(&s);

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


/*
 * log2(x) in millibits: the highest bit, then the fraction by repeated
 * squaring of x / 2^n, which lies in [1, 2)
 */

static uint32_t
ei_log2(uint32_t x)
{
    unsigned  n, i;
    uint32_t  r;
    uint64_t  y;

    if (x < 2) {
        return 0;
    }

    for (n = 0; (x >> n) > 1; n++) {
        /* void */
    }

    y = ((uint64_t) x << 16) >> n;
    r = 0;

    for (i = 0; i < 10; i++) {
        y = (y * y) >> 16;
        r <<= 1;

        if (y >= (2 << 16)) {
            y >>= 1;
            r |= 1;
        }
    }

    return n * EI_MB + ((r * EI_MB) >> 10);
}


/* log2 of the number of ways to choose k of n, in millibits */

static uint32_t
ei_log2_choose(unsigned n, unsigned k)
{
    unsigned  j;
    int64_t   bits;

    bits = 0;

    for (j = 0; j < k; j++) {
        bits += (int64_t) ei_log2(n - j) - ei_log2(j + 1);
    }

    return (bits > 0) ? (uint32_t) bits : 0;
}


static unsigned
ei_char_kind(unsigned c)
{
    if (c >= '0' && c <= '9') {
        return EI_CH_DIGIT;
    }

    if (c >= 'a' && c <= 'z') {
        return (c <= 'f') ? EI_CH_HEX_LOWER : EI_CH_LOWER;
    }

    if (c >= 'A' && c <= 'Z') {
        return (c <= 'F') ? EI_CH_HEX_UPPER : EI_CH_UPPER;
    }

    switch (c) {
    case '+':
    case '/':
    case '=':
    case '-':
    case '_':
        return EI_CH_BASE64;
    }

    return EI_CH_OTHER;
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
 * Which characters follow which in a walk, so that a walk is looked for
 * only where the key's next two characters could be one.
 */

static void
ei_adjacent_init(ei_search_t *s)
{
    unsigned     a, b;
    const char  *p;

    memset(s->adjacent, 0, sizeof(s->adjacent));

    for (p = ei_walks; p[1] != '\0'; p++) {
        a = (unsigned char) p[0];
        b = (unsigned char) p[1];

        if (a != ' ' && b != ' ') {
            s->adjacent[a][b / 32] |= 1u << (b % 32);
            s->adjacent[b][a / 32] |= 1u << (a % 32);
        }
    }
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

    s->key = key;
    s->len = len;

    memset(s->same, 0, sizeof(s->same));
    memset(s->up, 0, sizeof(s->up));
    memset(s->down, 0, sizeof(s->down));

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

        ei_match_repeats(s, i);
        ei_match_walks(s, i);
        ei_match_words(s, i);
        ei_match_dates(s, i);
    }
}


/* key[from..to) is one pattern of the given cost */

static void
ei_relax(ei_search_t *s, size_t from, size_t to, uint32_t bits)
{
    unsigned  k;
    uint32_t  c;

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
 * and the same with a step of one for short periods ("abcd", "4321",
 * "a1b2c3"): the step, the period and the length name them.
 */

static void
ei_match_repeats(ei_search_t *s, size_t i)
{
    int       a, b;
    size_t    p, max, n;
    uint32_t  bits;

    max = (i < EI_REPEAT_PERIOD) ? i : EI_REPEAT_PERIOD;
    a = s->key[i];

    for (p = 1; p <= max; p++) {
        n = (a == s->key[i - p]) ? s->same[p] + 1 : 0;
        s->same[p] = (uint16_t) n;

        if (n >= EI_REPEAT_MIN) {
            bits = EI_REPEAT_BITS + ei_log2(p) + 2 * ei_log2(n);
            ei_relax(s, i, i + n, bits);
        }
    }

    if (max > EI_STEP_PERIOD) {
        max = EI_STEP_PERIOD;
    }

    for (p = 1; p <= max; p++) {
        b = s->key[i - p];

        n = (a == b + 1) ? s->up[p] + 1 : 0;
        s->up[p] = (uint16_t) n;

        if (n >= EI_REPEAT_MIN) {
            bits = EI_REPEAT_BITS + ei_log2(p) + 2 * ei_log2(n);
            ei_relax(s, i, i + n, bits);
        }

        n = (a == b - 1) ? s->down[p] + 1 : 0;
        s->down[p] = (uint16_t) n;

        if (n >= EI_REPEAT_MIN) {
            bits = EI_REPEAT_BITS + ei_log2(p) + 2 * ei_log2(n);
            ei_relax(s, i, i + n, bits);
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
    size_t       n;
    unsigned     c, next;
    uint32_t     bits;
    const char  *p, *end;

    if (s->len - i < EI_WALK_MIN) {
        return;
    }

    c = ei_fold(s->key[i]);
    next = ei_fold(s->key[i + 1]);

    if (!ei_adjacent(s, c, next)
        || !ei_adjacent(s, next, ei_fold(s->key[i + 2])))
    {
        return;
    }

    end = ei_walks + sizeof(ei_walks) - 1;

    for (p = ei_walks; (p = memchr(p, (int) c, end - p)) != NULL; p++) {

        if ((unsigned char) p[1] == next) {
            n = ei_walk_len(s->key + i, s->len - i, p, 1, &bits);

            if (n >= EI_WALK_MIN) {
                ei_relax(s, i, i + n, EI_WALK_BITS + 2 * ei_log2(n) + bits);
            }
        }

        if ((unsigned char) p[-1] == next) {
            n = ei_walk_len(s->key + i, s->len - i, p, -1, &bits);

            if (n >= EI_WALK_MIN) {
                bits += EI_WALK_BITS + 2 * ei_log2(n) + EI_REVERSED_BITS;
                ei_relax(s, i, i + n, bits);
            }
        }
    }
}


static int
ei_adjacent(ei_search_t *s, unsigned a, unsigned b)
{
    return (s->adjacent[a][b / 32] >> (b % 32)) & 1;
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
 * The first two letters pick the words tried, leet substitutes included.
 */

static void
ei_match_words(ei_search_t *s, size_t i)
{
    int               dir;
    size_t            n, avail, n0, n1, a, b;
    unsigned          first[2], second[2];
    uint32_t          bits;
    const ei_word_t  *w;

    for (dir = 1; dir >= -1; dir -= 2) {
        avail = (dir > 0) ? s->len - i : i + 1;

        if (avail < 3) {
            continue;
        }

        n0 = ei_letters(s->key[i], first);
        n1 = ei_letters(s->key[i + dir], second);

        for (a = 0; a < n0; a++) {
            for (b = 0; b < n1; b++) {

                for (w = ei_words + ei_words_first(first[a], second[b]);
                     w < ei_words + EI_WORDS
                     && (unsigned char) w->word[0] == first[a]
                     && (unsigned char) w->word[1] == second[b];
                     w++)
                {
                    n = ei_word_len(s->key + i, avail, dir, w->word, &bits);

                    if (n == 0) {
                        continue;
                    }

                    bits += w->bits * EI_MB;

                    if (dir > 0) {
                        ei_relax(s, i, i + n, bits);

                    } else if (n >= EI_REVERSED_MIN) {
                        ei_relax(s, i + 1 - n, i + 1,
                                 bits + EI_REVERSED_BITS);
                    }
                }
            }
        }
    }
}


/* the letters that c is or stands for, two at most */

static size_t
ei_letters(unsigned c, unsigned *letters)
{
    size_t    n;
    unsigned  l;
    uint32_t  set;

    if (ei_fold(c) >= 'a' && ei_fold(c) <= 'z') {
        letters[0] = ei_fold(c);
        return 1;
    }

    set = ei_leet[c % EI_CHARS];
    n = 0;

    for (l = 'a'; set != 0; l++, set >>= 1) {
        if (set & 1) {
            letters[n++] = l;
        }
    }

    return n;
}


/* the first word that begins with the letters c0 c1, or after them */

static size_t
ei_words_first(unsigned c0, unsigned c1)
{
    size_t                lo, hi, mid;
    const unsigned char  *w;

    lo = 0;
    hi = EI_WORDS;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        w = (const unsigned char *) ei_words[mid].word;

        if (w[0] < c0 || (w[0] == c0 && w[1] < c1)) {
            lo = mid + 1;

        } else {
            hi = mid;
        }
    }

    return lo;
}


/*
 * Length of word if the key spells it from key[0] in direction dir, 0
 * otherwise; *bits gets the cost of its capitals and leet substitutes.
 */

static size_t
ei_word_len(const unsigned char *key, size_t avail, int dir,
    const char *word, uint32_t *bits)
{
    size_t     n;
    unsigned   c, w, upper, leet, first_upper;
    ptrdiff_t  at;

    upper = 0;
    leet = 0;
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

        if ((ei_leet[c % EI_CHARS] & ei_letter(w)) == 0) {
            return 0;
        }

        leet++;
    }

    /* a word mostly of substitutes is a number, or chance */

    if (leet * 2 > n || (n <= 4 && leet > 1)) {
        return 0;
    }

    /*
     * people write words in lower case, capitalized or in capitals; other
     * mixes are what random keys hold by chance
     */

    if (upper != 0 && upper != n - leet && !(upper == 1 && first_upper)) {
        return 0;
    }

    *bits = ei_case_bits(upper, (unsigned) (n - leet), first_upper)
            + leet * EI_LEET_BITS;

    return n;
}


/* years 1900-2099, and dates as YYYYMMDD, DDMMYYYY or MMDDYYYY */

static void
ei_match_dates(ei_search_t *s, size_t i)
{
    int       year;
    size_t    n, o, avail;
    unsigned  sep;

    avail = s->len - i;

    if (avail < 4 || s->key[i] < '0' || s->key[i] > '9') {
        return;
    }

    year = ei_number(s->key + i, 4);

    if (year >= ei_date_year.lo && year <= ei_date_year.hi) {
        ei_relax(s, i, i + 4, EI_YEAR_BITS);
    }

    for (o = 0; o < sizeof(ei_date_orders) / sizeof(ei_date_orders[0]); o++) {
        for (sep = 0; sep < 2; sep++) {
            n = ei_date_len(s->key + i, avail, ei_date_orders[o], sep);

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

                if (c != '-' && c != '/' && c != '.' && c != '_') {
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
