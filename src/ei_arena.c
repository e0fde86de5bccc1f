/*
 * jansson's allocator while a body is checked (README "Performance"): blocks
 * bumped from chunks, cleansed once per body instead of block by block.
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE             /* memmem() */
#endif

#include <malloc.h>             /* malloc_usable_size(), glibc and musl */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <openssl/crypto.h>

#include "ei_arena.h"


#define EI_ARENA_ALIGN         16
#define EI_ARENA_CHUNK         (64 * 1024)

/* chunks kept for the next body; more is given back after each */
#define EI_ARENA_KEEP          (256 * 1024)

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

typedef struct {
    ei_arena_chunk_t  *chunks;
    ei_arena_chunk_t  *current;
    size_t             taken;   /* bytes handed out during this parse */
    size_t             limit;   /* 0: none */
    int                active;  /* a parse is under way */
    int                failed;  /* a block could not be had */
} ei_arena_t;


static void *ei_arena_malloc(size_t size);
static void ei_arena_free(void *p);
static void *ei_arena_alloc(size_t size);
static int ei_arena_owns(const void *p);
static void ei_arena_unload(void)
#if defined(__GNUC__)
    __attribute__((destructor))
#endif
    ;


/* one arena for the process: nginx workers run one request at a time */
static ei_arena_t  ei_arena;


void
ei_arena_install(void)
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
    json_set_alloc_funcs(ei_arena_malloc, ei_arena_free);
}


int
ei_arena_begin(void)
{
    json_malloc_t  m;
    json_free_t    f;

    /*
     * With our hooks installed, every block of the parse is in the arena
     * and the tree goes with it; otherwise jansson's blocks come from
     * elsewhere and the tree is freed as usual.
     */

    json_get_alloc_funcs(&m, &f);

    if (m != ei_arena_malloc) {
        return 0;
    }

    ei_arena.active = 1;
    ei_arena.failed = 0;
    ei_arena.taken = 0;

    return 1;
}


int
ei_arena_failed(void)
{
    return ei_arena.failed;
}


void
ei_arena_set_limit(size_t max)
{
    ei_arena.limit = max;
}


int
ei_arena_holds(const unsigned char *bytes, size_t len)
{
    ei_arena_chunk_t  *c;

    for (c = ei_arena.chunks; c; c = c->next) {
        if (memmem(ei_arena_data(c), c->size, bytes, len) != NULL) {
            return 1;
        }
    }

    return 0;
}


/* jansson's allocator: the arena during a parse, malloc otherwise */

static void *
ei_arena_malloc(size_t size)
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
ei_arena_free(void *p)
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
void
ei_arena_end(void)
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
ei_arena_unload(void)
{
    json_malloc_t      m;
    json_free_t        f;
    ei_arena_chunk_t  *c, *next;

    json_get_alloc_funcs(&m, &f);

    if (m == ei_arena_malloc) {
        json_set_alloc_funcs(malloc, free);
    }

    for (c = ei_arena.chunks; c; c = next) {
        next = c->next;
        free(c);
    }

    ei_arena.chunks = NULL;
    ei_arena.current = NULL;
}
