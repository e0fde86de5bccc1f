
/*
 * The server-held key masked in the upstream's response: an upstream that
 * echoes the request would otherwise hand the key to the client.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_ei_hmac.h"

#include "ei_redact.h"


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

    ctx->redacting = 1;
    r->filter_need_in_memory = 1;
}


ngx_int_t
ngx_http_ei_hmac_redact_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_chain_t *in, ngx_chain_t **outp)
{
    size_t        n, t, h, emit;
    ngx_buf_t    *b, *nb;
    ngx_uint_t    last;
    ngx_chain_t  *out, **ll, *cl;

    out = NULL;
    ll = &out;

    for ( /* void */ ; in; in = in->next) {
        b = in->buf;
        last = b->last_buf || b->last_in_chain;

        if (!ngx_buf_in_memory(b)) {
            if (ngx_buf_size(b) != 0) {
                /* the copy filter was asked for memory: never unmasked */
                ngx_log_error(NGX_LOG_ALERT, r->connection->log, 0,
                              "ei_hmac got a response buffer not in memory");
                return NGX_ERROR;
            }

            n = 0;

        } else {
            n = b->last - b->pos;
        }

        if (n == 0 && !last) {
            goto append;
        }

        /* masking is done in place: a buffer nginx may share is copied */

        if (n && !b->temporary) {
            nb = ngx_create_temp_buf(r->pool, n);
            if (nb == NULL) {
                return NGX_ERROR;
            }

            nb->last = ngx_cpymem(nb->pos, b->pos, n);
            nb->last_buf = b->last_buf;
            nb->last_in_chain = b->last_in_chain;
            nb->flush = b->flush;

            b->pos = b->last;

            if (b->in_file) {
                b->file_pos = b->file_last;
            }

            b = nb;
        }

        h = ctx->hold_len;

        t = ei_redact_piece(ctx->redact.data, ctx->redact.len, ctx->hold, h,
                            n ? b->pos : NULL, n, last);

        /* the bytes kept back last time go out first */

        emit = h - (t - ngx_min(t, n));

        if (emit) {
            cl = ngx_chain_get_free_buf(r->pool, &ctx->free);
            if (cl == NULL) {
                return NGX_ERROR;
            }

            nb = cl->buf;

            if (nb->start == NULL) {
                nb->start = ngx_pnalloc(r->pool, ctx->redact.len);
                if (nb->start == NULL) {
                    return NGX_ERROR;
                }

                nb->end = nb->start + ctx->redact.len;
            }

            nb->pos = nb->start;
            nb->last = ngx_cpymem(nb->pos, ctx->hold, emit);
            nb->temporary = 1;
            nb->last_buf = 0;
            nb->last_in_chain = 0;
            nb->flush = 0;
            nb->tag = (ngx_buf_tag_t) &ngx_http_ei_hmac_module;

            *ll = cl;
            ll = &cl->next;
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

        if (b->last == b->pos && !b->last_buf && !b->last_in_chain
            && !b->flush)
        {
            continue;
        }

        if (b->last == b->pos && b->temporary) {
            nb = ngx_calloc_buf(r->pool);
            if (nb == NULL) {
                return NGX_ERROR;
            }

            nb->last_buf = b->last_buf;
            nb->last_in_chain = b->last_in_chain;
            nb->flush = b->flush;
            b = nb;
        }

    append:

        cl = ngx_alloc_chain_link(r->pool);
        if (cl == NULL) {
            return NGX_ERROR;
        }

        cl->buf = b;
        *ll = cl;
        ll = &cl->next;
    }

    *ll = NULL;
    *outp = out;

    return NGX_OK;
}
