/*
 * jansson's allocator while a body is checked: an arena whose blocks are
 * bumped from chunks and cleansed once, when the body has been checked,
 * instead of block by block (README "Performance").  Outside a check jansson's
 * blocks come from malloc and are cleansed before they are freed.
 *
 * Plain C: nothing here knows nginx.
 */

#ifndef EI_ARENA_H
#define EI_ARENA_H

#include <stddef.h>


/* points jansson's allocator at this file's hooks; once per process */
void ei_arena_install(void);

/*
 * Starts a parse: returns 1 when jansson allocates through the arena (the
 * hooks are installed), then ei_arena_end must follow; 0 otherwise.
 */
int ei_arena_begin(void);

/* 1 when a block jansson asked for during this parse could not be had */
int ei_arena_failed(void);

/* the end of a parse: every byte handed out is cleansed, chunks kept */
void ei_arena_end(void);

/* most bytes one parse may take, 0 for no limit but the system's */
void ei_arena_set_limit(size_t max);

/* 1 when the arena's memory holds these bytes anywhere; for tests */
int ei_arena_holds(const unsigned char *bytes, size_t len);

#endif /* EI_ARENA_H */
