
/*
 * Forwarding a valid request: the credentials the client sent leave the
 * request, the server-held key is added, and the canonical body replaces
 * the client's, for proxy_pass to carry upstream.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_ei_hmac.h"

#include "ei_response.h"

#include "ei_apikey.h"


static ei_reason_t ngx_http_ei_hmac_api_key(ngx_http_request_t *r,
    ngx_http_ei_hmac_loc_conf_t *hlcf, ngx_http_ei_hmac_ctx_t *ctx,
    ngx_str_t *key);
static ngx_int_t ngx_http_ei_hmac_rewrite_headers(ngx_http_request_t *r,
    ngx_str_t *key);
static void ngx_http_ei_hmac_forget_headers(ngx_http_request_t *r);
static ngx_int_t ngx_http_ei_hmac_copy_headers(ngx_http_request_t *r,
    ngx_list_t *headers);
static ngx_uint_t ngx_http_ei_hmac_same_name(ngx_str_t *name,
    ngx_str_t *lowcase);
static ngx_table_elt_t *ngx_http_ei_hmac_push_header(ngx_list_t *headers,
    ngx_str_t *key, u_char *lowcase, ngx_uint_t hash, ngx_str_t *value);
static ngx_int_t ngx_http_ei_hmac_set_body(ngx_http_request_t *r,
    ei_body_result_t *res);


/* request headers that carry a credential: never forwarded */
static ngx_str_t  ngx_http_ei_hmac_credentials[] = {
    ngx_string("x-api-key"),
    ngx_string("x-jwt-token"),
    ngx_string("authorization"),
    ngx_string("proxy-authorization"),
    ngx_string("cookie"),

    /* another method or target than the one the gateway checked */
    ngx_string("x-http-method-override"),
    ngx_string("x-http-method"),
    ngx_string("x-method-override"),
    ngx_string("x-original-url"),
    ngx_string("x-rewrite-url"),

    /* a compressed answer could hide the key from the redaction */
    ngx_string("accept-encoding"),

    /* a tunnel (101) would bypass the response filters */
    ngx_string("upgrade"),
    ngx_string("connection"),

    /* replaced by the module's own, for the canonical body */
    ngx_string("content-type"),
    ngx_string("content-length"),
    ngx_string("transfer-encoding"),
    ngx_null_string
};


/*
 * The credentials by the length of their name, NULL after the last, so
 * that a request header is compared only with those of its length (the
 * row NGX_HTTP_EI_HMAC_NAME_MAX, for every longer name, stays empty); built
 * from the list above by ngx_http_ei_hmac_forward_init().
 */
#define NGX_HTTP_EI_HMAC_NAME_MAX  sizeof("x-http-method-override")
#define NGX_HTTP_EI_HMAC_SAME_LEN  4

static ngx_str_t  *ngx_http_ei_hmac_by_len[NGX_HTTP_EI_HMAC_NAME_MAX + 1]
                                          [NGX_HTTP_EI_HMAC_SAME_LEN];


/* the hashes of the headers added, by their lowercase names */
static ngx_uint_t  ngx_http_ei_hmac_type_hash;
static ngx_uint_t  ngx_http_ei_hmac_key_hash;

static ngx_str_t  ngx_http_ei_hmac_type_header = ngx_string("Content-Type");
static ngx_str_t  ngx_http_ei_hmac_json_type = ngx_string("application/json");
static ngx_str_t  ngx_http_ei_hmac_key_header = ngx_string("x-api-key");


ngx_int_t
ngx_http_ei_hmac_forward_init(void)
{
    ngx_str_t   *c, **same;
    ngx_uint_t   n;

    ngx_http_ei_hmac_type_hash = ngx_hash_key((u_char *) "content-type",
                                              sizeof("content-type") - 1);
    ngx_http_ei_hmac_key_hash = ngx_hash_key((u_char *) "x-api-key",
                                             sizeof("x-api-key") - 1);

    ngx_memzero(ngx_http_ei_hmac_by_len, sizeof(ngx_http_ei_hmac_by_len));

    for (c = ngx_http_ei_hmac_credentials; c->len; c++) {
        if (c->len >= NGX_HTTP_EI_HMAC_NAME_MAX) {
            return NGX_ERROR;
        }

        same = ngx_http_ei_hmac_by_len[c->len];

        for (n = 0; same[n]; n++) {
            /* void */
        }

        if (n + 1 >= NGX_HTTP_EI_HMAC_SAME_LEN) {
            return NGX_ERROR;
        }

        same[n] = c;
    }

    return NGX_OK;
}


ei_reason_t
ngx_http_ei_hmac_forward(ngx_http_request_t *r,
    ngx_http_ei_hmac_loc_conf_t *hlcf, ngx_http_ei_hmac_ctx_t *ctx,
    ei_body_result_t *res, ei_verdict_t *v)
{
    ngx_str_t    key;
    ei_reason_t  reason;

    reason = ngx_http_ei_hmac_api_key(r, hlcf, ctx, &key);

    if (reason != EI_OK) {
        return ei_verdict_set(v, reason);
    }

    if (ngx_http_ei_hmac_rewrite_headers(r, &key) != NGX_OK) {
        return ei_verdict_set(v, EI_ERROR_INTERNAL);
    }

    /* room for the bytes kept back while the key is masked in responses */

    ctx->hold = ngx_pnalloc(r->pool, key.len);
    if (ctx->hold == NULL) {
        return ei_verdict_set(v, EI_ERROR_INTERNAL);
    }

    ctx->redact = key;

    if (ngx_http_ei_hmac_set_body(r, res) != NGX_OK) {
        return ei_verdict_set(v, EI_ERROR_INTERNAL);
    }

    ngx_log_debug2(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                   "ei_hmac forwarding project %uL, body %uz bytes",
                   ctx->project_id, res->canonical_len);

    return EI_OK;
}


static ei_reason_t
ngx_http_ei_hmac_api_key(ngx_http_request_t *r,
    ngx_http_ei_hmac_loc_conf_t *hlcf, ngx_http_ei_hmac_ctx_t *ctx,
    ngx_str_t *key)
{
    /* a project's own key from ei_hmac_api_key_dir comes first */

    if (ctx->dir_key) {
        key->data = (u_char *) ctx->dir_key->key;
        key->len = ctx->dir_key->len;
        return EI_OK;
    }

    if (hlcf->key->cv == NULL) {
        *key = hlcf->key->value;
        return EI_OK;
    }

    if (hlcf->key->cv->lengths == NULL) {
        /* a literal, checked when the configuration was read */
        *key = hlcf->key->cv->value;
        return EI_OK;
    }

    if (ngx_http_complex_value(r, hlcf->key->cv, key) != NGX_OK) {
        return EI_ERROR_INTERNAL;
    }

    /*
     * only a value built for this request is cleansed when it ends; a
     * literal one is the configuration's own memory
     */

    if (hlcf->key->cv->lengths) {
        ctx->key = *key;
    }

    if (!ei_apikey_value_ok(key->data, key->len)) {
        ctx->cause = key->len ? "ei_hmac_api_key is not visible ASCII"
                              : "ei_hmac_api_key is empty";
        return EI_ERROR_NO_KEY;
    }

    return EI_OK;
}


/*
 * proxy_pass forwards whatever is in r->headers_in.headers, so a credential
 * must leave that list; a new list is built rather than the old one edited
 * in place, because r->headers_in keeps pointers to its elements.
 */

static ngx_int_t
ngx_http_ei_hmac_rewrite_headers(ngx_http_request_t *r, ngx_str_t *key)
{
    ngx_uint_t        n;
    ngx_list_t        headers;
    ngx_list_part_t  *part;
    ngx_table_elt_t  *e;

    n = 2;

    for (part = &r->headers_in.headers.part; part; part = part->next) {
        n += part->nelts;
    }

    if (ngx_list_init(&headers, r->pool, n, sizeof(ngx_table_elt_t))
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    if (ngx_http_ei_hmac_copy_headers(r, &headers) != NGX_OK) {
        return NGX_ERROR;
    }

    e = ngx_http_ei_hmac_push_header(&headers, &ngx_http_ei_hmac_type_header,
                                     (u_char *) "content-type",
                                     ngx_http_ei_hmac_type_hash,
                                     &ngx_http_ei_hmac_json_type);
    if (e == NULL) {
        return NGX_ERROR;
    }

    r->headers_in.content_type = e;

    if (ngx_http_ei_hmac_push_header(&headers, &ngx_http_ei_hmac_key_header,
                                     (u_char *) "x-api-key",
                                     ngx_http_ei_hmac_key_hash, key)
        == NULL)
    {
        return NGX_ERROR;
    }

    r->headers_in.headers = headers;

    /* the copy's "last" still points to the local list: the one part */
    r->headers_in.headers.last = &r->headers_in.headers.part;

    r->headers_in.authorization = NULL;
    r->headers_in.content_length = NULL;
    r->headers_in.transfer_encoding = NULL;
    r->headers_in.upgrade = NULL;
    r->headers_in.connection = NULL;

#if (nginx_version >= 1023000)
    r->headers_in.cookie = NULL;
#else
    r->headers_in.cookies.nelts = 0;
#endif

    ngx_http_ei_hmac_forget_headers(r);

    return NGX_OK;
}


/*
 * $http_authorization, $cookie_jwt and the like that something read
 * before (a map for limit_req, set) keep the client's value in the
 * request's variable cache: they are made to be read again, from the
 * headers as they are now.
 */

static void
ngx_http_ei_hmac_forget_headers(ngx_http_request_t *r)
{
    ngx_uint_t                  i;
    ngx_http_variable_t        *v;
    ngx_http_core_main_conf_t  *cmcf;

    cmcf = ngx_http_get_module_main_conf(r, ngx_http_core_module);
    v = cmcf->variables.elts;

    for (i = 0; i < cmcf->variables.nelts; i++) {

        /* most were not read before the body came: nothing to forget */

        if (!r->variables[i].valid && !r->variables[i].not_found) {
            continue;
        }

        if ((v[i].name.len > sizeof("http_") - 1
             && ngx_strncmp(v[i].name.data, "http_", sizeof("http_") - 1)
                == 0)
            || (v[i].name.len > sizeof("cookie_") - 1
                && ngx_strncmp(v[i].name.data, "cookie_",
                               sizeof("cookie_") - 1)
                   == 0))
        {
            r->variables[i].valid = 0;
            r->variables[i].not_found = 0;
        }
    }
}


/* every request header but the credentials, into the new list */

static ngx_int_t
ngx_http_ei_hmac_copy_headers(ngx_http_request_t *r, ngx_list_t *headers)
{
    size_t            len;
    ngx_str_t       **c;
    ngx_uint_t        i;
    ngx_list_part_t  *part;
    ngx_table_elt_t  *h, *e;

    part = &r->headers_in.headers.part;
    h = part->elts;

    for (i = 0; /* void */; i++) {

        if (i >= part->nelts) {
            if (part->next == NULL) {
                return NGX_OK;
            }

            part = part->next;
            h = part->elts;
            i = 0;
        }

        /* longer names than any credential's meet the last row, empty */

        len = ngx_min(h[i].key.len, NGX_HTTP_EI_HMAC_NAME_MAX);

        for (c = ngx_http_ei_hmac_by_len[len]; *c; c++) {
            if (ngx_http_ei_hmac_same_name(&h[i].key, *c)) {
                break;
            }
        }

        if (*c) {
            ngx_log_debug1(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                           "ei_hmac dropping request header \"%V\"",
                           &h[i].key);
            continue;
        }

        e = ngx_list_push(headers);
        if (e == NULL) {
            return NGX_ERROR;
        }

        *e = h[i];
    }
}


/*
 * A header name the way an upstream may read it: any letter case, and "_"
 * as "-" (nginx passes "x_api_key" with underscores_in_headers on, and
 * CGI-style upstreams read both as HTTP_X_API_KEY)
 */

static ngx_uint_t
ngx_http_ei_hmac_same_name(ngx_str_t *name, ngx_str_t *lowcase)
{
    u_char      c;
    ngx_uint_t  i;

    if (name->len != lowcase->len) {
        return 0;
    }

    for (i = 0; i < name->len; i++) {
        c = ngx_tolower(name->data[i]);

        if (c != lowcase->data[i] && !(c == '_' && lowcase->data[i] == '-')) {
            return 0;
        }
    }

    return 1;
}


static ngx_table_elt_t *
ngx_http_ei_hmac_push_header(ngx_list_t *headers, ngx_str_t *key,
    u_char *lowcase, ngx_uint_t hash, ngx_str_t *value)
{
    ngx_table_elt_t  *e;

    e = ngx_list_push(headers);
    if (e == NULL) {
        return NULL;
    }

    e->key = *key;
    e->lowcase_key = lowcase;
    e->hash = hash;
    e->value = *value;
#if (nginx_version >= 1023000)
    e->next = NULL;
#endif

    return e;
}


/*
 * The canonical body replaces the client's: proxy_pass sends
 * r->request_body->bufs with r->headers_in.content_length_n, and rewinds
 * the buffer to its start when it retries another upstream server.
 */

static ngx_int_t
ngx_http_ei_hmac_set_body(ngx_http_request_t *r, ei_body_result_t *res)
{
    ngx_buf_t    *b;
    ngx_chain_t  *cl;

    b = ngx_calloc_buf(r->pool);
    if (b == NULL) {
        return NGX_ERROR;
    }

    cl = ngx_alloc_chain_link(r->pool);
    if (cl == NULL) {
        return NGX_ERROR;
    }

    b->start = res->canonical;
    b->pos = res->canonical;
    b->last = res->canonical + res->canonical_len;
    b->end = b->last;
    b->memory = 1;
    b->last_buf = 1;
    b->last_in_chain = 1;

    cl->buf = b;
    cl->next = NULL;

    r->request_body->bufs = cl;
    r->request_body->buf = b;

    r->headers_in.content_length_n = res->canonical_len;
    r->headers_in.chunked = 0;

    return NGX_OK;
}


/*
 * A forwarded request redirected inside nginx is answered here, in the
 * phase where the new location would start: its content handler never
 * sees the injected key nor the body.
 */

ngx_int_t
ngx_http_ei_hmac_refuse_redirect(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx)
{
    size_t                     len;
    ngx_uint_t                 accel;
    const char                *text;
    ngx_http_core_loc_conf_t  *clcf;

    clcf = ngx_http_get_module_loc_conf(r, ngx_http_core_module);

    accel = (r->upstream && r->upstream->headers_in.x_accel_redirect);

    ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                  "ei_hmac refused to send a forwarded request for project "
                  "\"%uL\" to \"%V\" (%s)", ctx->project_id,
                  clcf->named ? &clcf->name : &r->uri,
                  accel ? "the upstream redirected it" : "error_page");

    if (accel) {
        text = "upstream sent an invalid response";
        len = sizeof("upstream sent an invalid response") - 1;

    } else {
        text = ei_status_text(NGX_HTTP_BAD_GATEWAY, &len);
    }

    r->err_status = 0;
    r->keepalive = 0;

    if (ngx_http_ei_hmac_replace(r, ctx, NGX_HTTP_BAD_GATEWAY, text, len)
        != NGX_OK)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    ctx->sent.data = (u_char *) text;
    ctx->sent.len = len;

    ngx_http_finalize_request(r, ngx_http_ei_hmac_send_reply(r, ctx));

    return NGX_DONE;
}
