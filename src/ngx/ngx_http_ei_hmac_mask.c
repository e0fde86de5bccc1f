
/*
 * The server-held key masked in the upstream's response: an upstream that
 * echoes the request would otherwise hand the key to the client.  An
 * answer whose body cannot be searched (compressed, or not a body at all:
 * a 1xx or 101) is refused, and nothing more of it read.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_ei_hmac.h"

#include "ei_redact.h"


static ngx_table_elt_t *ngx_http_ei_hmac_find_coding(ngx_list_t *headers,
    ngx_str_t *name, const char *coding);
static ngx_int_t ngx_http_ei_hmac_mask_buf(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_buf_t **bp, ngx_chain_t ***ll);
static ngx_buf_t *ngx_http_ei_hmac_copy_buf(ngx_http_request_t *r,
    ngx_buf_t *b, size_t n);
static ngx_buf_t *ngx_http_ei_hmac_special_buf(ngx_http_request_t *r,
    ngx_buf_t *b);
static ngx_int_t ngx_http_ei_hmac_emit_held(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, size_t emit, ngx_chain_t ***ll);


static ngx_str_t  ngx_http_ei_hmac_content_encoding =
    ngx_string("Content-Encoding");
static ngx_str_t  ngx_http_ei_hmac_transfer_encoding =
    ngx_string("Transfer-Encoding");


/*
 * An upstream that echoes the request would hand the key to the client:
 * every occurrence is masked in the response headers, and the body filter
 * masks it in the body, keeping the length of both.
 */

void
ngx_http_ei_hmac_redact_headers(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx)
{
    size_t            n;
    ngx_uint_t        i;
    ngx_list_part_t  *part;
    ngx_table_elt_t  *h;

    n = 0;

    if (r->headers_out.status_line.len) {
        n += ei_redact_all(ctx->redact.data, ctx->redact.len,
                           r->headers_out.status_line.data,
                           r->headers_out.status_line.len);
    }

    /* the proxy keeps Content-Type out of the list */

    n += ei_redact_all(ctx->redact.data, ctx->redact.len,
                       r->headers_out.content_type.data,
                       r->headers_out.content_type.len);
    n += ei_redact_all(ctx->redact.data, ctx->redact.len,
                       r->headers_out.charset.data,
                       r->headers_out.charset.len);
    r->headers_out.content_type_lowcase = NULL;

    part = &r->headers_out.headers.part;
    h = part->elts;

    for (i = 0; /* void */; i++) {

        if (i >= part->nelts) {
            if (part->next == NULL) {
                break;
            }

            part = part->next;
            h = part->elts;
            i = 0;
        }

        if (h[i].hash == 0) {
            continue;
        }

        n += ei_redact_all(ctx->redact.data, ctx->redact.len, h[i].key.data,
                           h[i].key.len);
        n += ei_redact_all(ctx->redact.data, ctx->redact.len,
                           h[i].value.data, h[i].value.len);
    }

    if (n) {
        ngx_log_error(NGX_LOG_WARN, r->connection->log, 0,
                      "ei_hmac masked the API key in %uz upstream response "
                      "header(s) for project \"%uL\"", n, ctx->project_id);
    }

    /*
     * A body shorter than the key cannot hold it: nginx sends no more than
     * the length it announces, and a filter that changes the body before
     * this one drops that length.
     */

    if (r->headers_out.content_length_n >= 0
        && r->headers_out.content_length_n < (off_t) ctx->redact.len)
    {
        ngx_log_debug1(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                       "ei_hmac upstream body of %O bytes is shorter than "
                       "the API key: not searched",
                       r->headers_out.content_length_n);
        return;
    }

    ctx->filter = NGX_HTTP_EI_HMAC_REDACT;
    r->filter_need_in_memory = 1;
}


/*
 * NGX_DECLINED: the upstream's answer cannot be masked, so it must not
 * pass at all.  A compressed body hides the key from the search (nginx
 * takes only the last Content-Encoding header for the coding, and passes
 * a transfer coding other than chunked as it is, de-chunked); a 1xx is
 * taken by nginx 1.22 as the final answer, with what follows as its body,
 * and a 101 turns the connection into a tunnel no filter sees.
 */

ngx_int_t
ngx_http_ei_hmac_check_maskable(ngx_http_request_t *r)
{
    ngx_table_elt_t      *h;
    ngx_http_upstream_t  *u;

    u = r->upstream;

    if (u->headers_in.status_n >= 100 && u->headers_in.status_n < 200) {
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                      "ei_hmac refused an upstream %ui response",
                      u->headers_in.status_n);
        return NGX_DECLINED;
    }

    h = ngx_http_ei_hmac_find_coding(&u->headers_in.headers,
                                     &ngx_http_ei_hmac_content_encoding,
                                     "identity");
    if (h == NULL) {
        h = ngx_http_ei_hmac_find_coding(&r->headers_out.headers,
                                         &ngx_http_ei_hmac_content_encoding,
                                         "identity");
    }

    if (h == NULL) {
        h = ngx_http_ei_hmac_find_coding(&u->headers_in.headers,
                                         &ngx_http_ei_hmac_transfer_encoding,
                                         "chunked");
    }

    if (h == NULL) {
        return NGX_OK;
    }

    ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                  "ei_hmac refused an upstream response with \"%V: %V\"",
                  &h->key, &h->value);

    return NGX_DECLINED;
}


/* the first header of that name in the list with a coding but coding */

static ngx_table_elt_t *
ngx_http_ei_hmac_find_coding(ngx_list_t *headers, ngx_str_t *name,
    const char *coding)
{
    ngx_uint_t        i;
    ngx_list_part_t  *part;
    ngx_table_elt_t  *h;

    part = &headers->part;
    h = part->elts;

    for (i = 0; /* void */; i++) {

        if (i >= part->nelts) {
            if (part->next == NULL) {
                return NULL;
            }

            part = part->next;
            h = part->elts;
            i = 0;
        }

        if (h[i].hash != 0
            && h[i].key.len == name->len
            && ngx_strncasecmp(h[i].key.data, name->data, name->len) == 0
            && !ei_codings_only(h[i].value.data, h[i].value.len, coding))
        {
            return &h[i];
        }
    }
}


/*
 * A refused upstream answer: nothing more of it is read (a 101 or 1xx
 * would be read as a body up to the close, or tunnelled), and its
 * connection, whose next bytes may be anything, is never reused.
 */

void
ngx_http_ei_hmac_drop_upstream(ngx_http_request_t *r)
{
    ngx_http_upstream_t  *u;

    u = r->upstream;

    u->upgrade = 0;
    u->keepalive = 0;

    /* the input filters set u->keepalive from it once the body is read */

    u->headers_in.connection_close = 1;

    /* read as an empty body, and what was read after the header dropped */

    u->headers_in.content_length_n = 0;
    u->headers_in.chunked = 0;
    u->buffer.pos = u->buffer.last;

    /* no header of that answer is the gateway's (a Location would be) */

    ngx_http_ei_hmac_clear_headers(r, NULL);

    r->headers_out.server = NULL;
    r->headers_out.date = NULL;
    r->headers_out.location = NULL;
    r->headers_out.refresh = NULL;
    r->headers_out.www_authenticate = NULL;
    r->headers_out.expires = NULL;
}


/*
 * Hides every response header of those names (of every name: NULL) from
 * the header filter; an upstream may send a header more than once, and
 * r->headers_out points to the last one only.
 */

void
ngx_http_ei_hmac_clear_headers(ngx_http_request_t *r, ngx_str_t *names)
{
    ngx_str_t        *n;
    ngx_uint_t        i;
    ngx_list_part_t  *part;
    ngx_table_elt_t  *h;

    part = &r->headers_out.headers.part;
    h = part->elts;

    for (i = 0; /* void */; i++) {

        if (i >= part->nelts) {
            if (part->next == NULL) {
                break;
            }

            part = part->next;
            h = part->elts;
            i = 0;
        }

        for (n = names; n && n->len; n++) {
            if (h[i].key.len == n->len
                && ngx_strncasecmp(h[i].key.data, n->data, n->len) == 0)
            {
                break;
            }
        }

        if (names == NULL || n->len) {
            h[i].hash = 0;
        }
    }
}


/*
 * Masks the key in a piece of the response body, keeping back the bytes
 * that may start an occurrence which the next piece completes; *out is
 * what may be sent now.
 */

ngx_int_t
ngx_http_ei_hmac_redact_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_chain_t *in, ngx_chain_t **out)
{
    ngx_buf_t    *b;
    ngx_chain_t  *cl, **ll;

    ll = out;

    for ( /* void */ ; in; in = in->next) {
        b = in->buf;

        if (!ngx_buf_in_memory(b) && ngx_buf_size(b) != 0) {
            /* the copy filter was asked for memory: never unmasked */
            ngx_log_error(NGX_LOG_ALERT, r->connection->log, 0,
                          "ei_hmac got a response buffer not in memory");
            return NGX_ERROR;
        }

        if ((ngx_buf_in_memory(b) && b->last > b->pos)
            || b->last_buf || b->last_in_chain)
        {
            if (ngx_http_ei_hmac_mask_buf(r, ctx, &b, &ll) != NGX_OK) {
                return NGX_ERROR;
            }

            if (b->last == b->pos) {
                if (!b->last_buf && !b->last_in_chain && !b->flush) {
                    continue;
                }

                /* an empty temporary buffer is an error to the write filter */

                if (b->temporary) {
                    b = ngx_http_ei_hmac_special_buf(r, b);
                    if (b == NULL) {
                        return NGX_ERROR;
                    }
                }
            }
        }

        cl = ngx_alloc_chain_link(r->pool);
        if (cl == NULL) {
            return NGX_ERROR;
        }

        cl->buf = b;
        *ll = cl;
        ll = &cl->next;
    }

    *ll = NULL;

    return NGX_OK;
}


/*
 * One buffer: the bytes held back from the previous one go out first (a
 * buffer of their own, appended at *ll), then *bp is masked in place (or
 * in a copy), less what is held back now.
 */

static ngx_int_t
ngx_http_ei_hmac_mask_buf(ngx_http_request_t *r, ngx_http_ei_hmac_ctx_t *ctx,
    ngx_buf_t **bp, ngx_chain_t ***ll)
{
    size_t       n, t, h, emit;
    ngx_buf_t   *b;
    ngx_uint_t   last;

    b = *bp;
    last = b->last_buf || b->last_in_chain;
    n = ngx_buf_in_memory(b) ? (size_t) (b->last - b->pos) : 0;

    /* masking is done in place: a buffer nginx may share is copied */

    if (n && !b->temporary) {
        b = ngx_http_ei_hmac_copy_buf(r, b, n);
        if (b == NULL) {
            return NGX_ERROR;
        }
    }

    h = ctx->hold_len;

    t = ei_redact_piece(ctx->redact.data, ctx->redact.len, ctx->hold, h,
                        n ? b->pos : NULL, n, last);

    /* the bytes kept back last time go out first */

    emit = h - (t - ngx_min(t, n));

    if (emit && ngx_http_ei_hmac_emit_held(r, ctx, emit, ll) != NGX_OK) {
        return NGX_ERROR;
    }

    if (t <= n) {
        ngx_memcpy(ctx->hold, b->last - t, t);
        b->last -= t;

    } else {
        ngx_memmove(ctx->hold, ctx->hold + h + n - t, t - n);
        ngx_memcpy(ctx->hold + t - n, b->pos, n);
        b->pos = b->last;
    }

    ctx->hold_len = t;

    /*
     * what the file would send is what was masked in memory: with
     * sendfile a buffer in both would go out from the file unmasked
     */

    if (b->in_file) {
        b->in_file = 0;
        b->file_pos = b->file_last;
    }

    *bp = b;

    return NGX_OK;
}


static ngx_buf_t *
ngx_http_ei_hmac_special_buf(ngx_http_request_t *r, ngx_buf_t *b)
{
    ngx_buf_t  *nb;

    nb = ngx_calloc_buf(r->pool);
    if (nb == NULL) {
        return NULL;
    }

    nb->last_buf = b->last_buf;
    nb->last_in_chain = b->last_in_chain;
    nb->flush = b->flush;

    return nb;
}


static ngx_buf_t *
ngx_http_ei_hmac_copy_buf(ngx_http_request_t *r, ngx_buf_t *b, size_t n)
{
    ngx_buf_t  *nb;

    nb = ngx_create_temp_buf(r->pool, n);
    if (nb == NULL) {
        return NULL;
    }

    nb->last = ngx_cpymem(nb->pos, b->pos, n);
    nb->last_buf = b->last_buf;
    nb->last_in_chain = b->last_in_chain;
    nb->flush = b->flush;

    /* the original is consumed, so that its owner can reuse it */

    b->pos = b->last;

    if (b->in_file) {
        b->file_pos = b->file_last;
    }

    return nb;
}


static ngx_int_t
ngx_http_ei_hmac_emit_held(ngx_http_request_t *r, ngx_http_ei_hmac_ctx_t *ctx,
    size_t emit, ngx_chain_t ***ll)
{
    ngx_buf_t    *b;
    ngx_chain_t  *cl;

    cl = ngx_chain_get_free_buf(r->pool, &ctx->free);
    if (cl == NULL) {
        return NGX_ERROR;
    }

    b = cl->buf;

    if (b->start == NULL) {
        b->start = ngx_pnalloc(r->pool, ctx->redact.len);
        if (b->start == NULL) {
            return NGX_ERROR;
        }

        b->end = b->start + ctx->redact.len;
    }

    b->pos = b->start;
    b->last = ngx_cpymem(b->pos, ctx->hold, emit);
    b->temporary = 1;
    b->last_buf = 0;
    b->last_in_chain = 0;
    b->flush = 0;
    b->tag = (ngx_buf_tag_t) &ngx_http_ei_hmac_module;

    **ll = cl;
    *ll = &cl->next;

    return NGX_OK;
}
