
/*
 * Configuration directives that read files or parse lists: the API key
 * (from a file, kept in memory excluded from core dumps, or as a complex
 * value), the projects served, the denylist, and range checks that name
 * their directive.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_ei_hmac.h"

#include <sys/mman.h>

#include "ei_apikey.h"
#include "ei_target.h"
#include "ngx_http_ei_hmac_metrics.h"


/* a denylist of a million digests */
#define NGX_HTTP_EI_HMAC_DENYLIST_MAX    (96 * 1024 * 1024)


static ngx_int_t ngx_http_ei_hmac_key_memory(ngx_conf_t *cf,
    ngx_str_t *directive, ngx_http_ei_hmac_key_t *key, u_char *data,
    size_t len);
static void ngx_http_ei_hmac_secret_cleanup(void *data);
static void ngx_http_ei_hmac_denylist_cleanup(void *data);
static ngx_int_t ngx_http_ei_hmac_read_file(ngx_conf_t *cf,
    ngx_str_t *directive, ngx_str_t *name, size_t max, u_char **buf,
    size_t *len, ngx_file_info_t *fi);


char *
ngx_http_ei_hmac_key_file(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_ei_hmac_loc_conf_t *hlcf = conf;

    u_char                   buf[NGX_HTTP_EI_HMAC_KEY_FILE_MAX + 1];
    size_t                   key_len;
    ngx_str_t               *value, name;
    ngx_int_t                rc;
    ngx_http_ei_hmac_key_t  *key;

    if (hlcf->key != NGX_CONF_UNSET_PTR) {
        return hlcf->key->cv ? "conflicts with \"ei_hmac_api_key\""
                             : "is duplicate";
    }

    value = cf->args->elts;
    name = value[1];

    if (ngx_http_ei_hmac_read_key(cf, &cmd->name, &name, buf, &key_len)
        != NGX_OK)
    {
        return NGX_CONF_ERROR;
    }

    rc = NGX_ERROR;

    key = ngx_pcalloc(cf->pool, sizeof(ngx_http_ei_hmac_key_t));

    if (key) {
        rc = ngx_http_ei_hmac_key_memory(cf, &cmd->name, key, buf, key_len);
    }

    /* the key's fingerprint for ei_hmac_api_key_info */

    if (rc == NGX_OK) {
        rc = ngx_http_ei_hmac_metrics_add_key(cf,
                                              NGX_HTTP_EI_HMAC_METRICS_ANY,
                                              "file", buf, key_len);
    }

    ei_cleanse(buf, sizeof(buf));

    if (rc != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    hlcf->key = key;

    return NGX_CONF_OK;
}


/*
 * Reads and checks a key file of ei_hmac_api_key_file or
 * ei_hmac_api_key_dir into buf (NGX_HTTP_EI_HMAC_KEY_FILE_MAX + 1 bytes,
 * cleansed on failure; the caller cleanses it after use).  Messages name
 * the directive and the file, never the content.
 */

ngx_int_t
ngx_http_ei_hmac_read_key(ngx_conf_t *cf, ngx_str_t *directive,
    ngx_str_t *name, u_char *buf, size_t *key_len)
{
    size_t            len;
    ngx_file_info_t   fi;
    const char       *err;

    if (ngx_http_ei_hmac_read_file(cf, directive, name,
                                   NGX_HTTP_EI_HMAC_KEY_FILE_MAX, &buf, &len,
                                   &fi)
        != NGX_OK)
    {
        ei_cleanse(buf, NGX_HTTP_EI_HMAC_KEY_FILE_MAX + 1);
        return NGX_ERROR;
    }

    err = ei_apikey_file_check(buf, len, key_len);

    if (err) {
        ei_cleanse(buf, NGX_HTTP_EI_HMAC_KEY_FILE_MAX + 1);
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "%V \"%V\" %s",
                           directive, name, err);
        return NGX_ERROR;
    }

    if (ngx_file_access(&fi) & (S_IRGRP|S_IROTH)) {
        ngx_conf_log_error(NGX_LOG_WARN, cf, 0,
                           "%V \"%V\" is readable by group or others",
                           directive, name);
    }

    return NGX_OK;
}


/*
 * The key gets pages of its own, excluded from core dumps where the system
 * allows it, and cleansed when the configuration is freed, as nginx does
 * for ssl_password_file.
 */

static ngx_int_t
ngx_http_ei_hmac_key_memory(ngx_conf_t *cf, ngx_str_t *directive,
    ngx_http_ei_hmac_key_t *key, u_char *data, size_t len)
{
    u_char  *p;

    p = ngx_http_ei_hmac_secret_alloc(cf, directive, len);
    if (p == NULL) {
        return NGX_ERROR;
    }

    ngx_memcpy(p, data, len);

    key->value.data = p;
    key->value.len = len;

    return NGX_OK;
}


/*
 * Memory for secrets read while the configuration loads: whole pages of
 * their own (at least size bytes), excluded from core dumps where the
 * system allows it, cleansed and unmapped when the configuration is freed.
 */

u_char *
ngx_http_ei_hmac_secret_alloc(ngx_conf_t *cf, ngx_str_t *directive,
    size_t size)
{
    u_char                            *p;
    ngx_pool_cleanup_t                *cln;
    ngx_http_ei_hmac_secret_region_t  *region;

    cln = ngx_pool_cleanup_add(cf->pool,
                               sizeof(ngx_http_ei_hmac_secret_region_t));
    if (cln == NULL) {
        return NULL;
    }

    size = ngx_align(ngx_max(size, 1), ngx_pagesize);

    p = mmap(NULL, size, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS,
             -1, 0);

    if (p == MAP_FAILED) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, ngx_errno,
                           "\"%V\" could not map memory for the API key",
                           directive);
        return NULL;
    }

#if (NGX_LINUX) && defined(MADV_DONTDUMP)
    if (madvise(p, size, MADV_DONTDUMP) != 0) {
        ngx_conf_log_error(NGX_LOG_NOTICE, cf, ngx_errno,
                           "\"%V\" could not exclude the API key from "
                           "core dumps", directive);
    }
#endif

    region = cln->data;
    region->data = p;
    region->size = size;

    cln->handler = ngx_http_ei_hmac_secret_cleanup;

    return p;
}


static void
ngx_http_ei_hmac_secret_cleanup(void *data)
{
    ngx_http_ei_hmac_secret_region_t  *region = data;

    ei_cleanse(region->data, region->size);
    (void) munmap(region->data, region->size);
}


char *
ngx_http_ei_hmac_key_value(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_ei_hmac_loc_conf_t *hlcf = conf;

    ngx_str_t                         *value;
    ngx_http_ei_hmac_key_t            *key;
    ngx_http_compile_complex_value_t   ccv;

    if (hlcf->key != NGX_CONF_UNSET_PTR) {
        return hlcf->key->cv ? "is duplicate"
                             : "conflicts with \"ei_hmac_api_key_file\"";
    }

    value = cf->args->elts;

    key = ngx_pcalloc(cf->pool, sizeof(ngx_http_ei_hmac_key_t));
    if (key == NULL) {
        return NGX_CONF_ERROR;
    }

    key->cv = ngx_palloc(cf->pool, sizeof(ngx_http_complex_value_t));
    if (key->cv == NULL) {
        return NGX_CONF_ERROR;
    }

    ngx_memzero(&ccv, sizeof(ngx_http_compile_complex_value_t));

    ccv.cf = cf;
    ccv.value = &value[1];
    ccv.complex_value = key->cv;

    if (ngx_http_compile_complex_value(&ccv) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    if (key->cv->lengths == NULL
        && !ei_apikey_value_ok(value[1].data, value[1].len))
    {
        return "is empty or holds a byte that is not visible ASCII";
    }

    hlcf->key = key;

    return NGX_CONF_OK;
}


char *
ngx_http_ei_hmac_projects(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_ei_hmac_loc_conf_t *hlcf = conf;

    uint64_t      *id;
    ngx_str_t     *value;
    ngx_uint_t     i;

    if (hlcf->projects != NGX_CONF_UNSET_PTR) {
        return "is duplicate";
    }

    value = cf->args->elts;

    if (cf->args->nelts == 2 && ngx_strcmp(value[1].data, "any") == 0) {
        hlcf->projects = NULL;
        return NGX_CONF_OK;
    }

    hlcf->projects = ngx_array_create(cf->pool, cf->args->nelts - 1,
                                      sizeof(uint64_t));
    if (hlcf->projects == NULL) {
        return NGX_CONF_ERROR;
    }

    for (i = 1; i < cf->args->nelts; i++) {
        id = ngx_array_push(hlcf->projects);
        if (id == NULL) {
            return NGX_CONF_ERROR;
        }

        if (ei_project_id_parse(value[i].data, value[i].len, id) != 0) {
            ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                               "invalid project id \"%V\" in "
                               "\"ei_hmac_projects\": an integer from 1 to "
                               "9007199254740991, or \"any\" alone",
                               &value[i]);
            return NGX_CONF_ERROR;
        }
    }

    /* these projects are counted under their own label */

    if (ngx_http_ei_hmac_metrics_add_projects(cf, hlcf->projects->elts,
                                              hlcf->projects->nelts)
        != NGX_OK)
    {
        return NGX_CONF_ERROR;
    }

    return NGX_CONF_OK;
}


char *
ngx_http_ei_hmac_denylist(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_ei_hmac_loc_conf_t *hlcf = conf;

    u_char              *text;
    size_t               len, line;
    ngx_str_t           *value, name;
    ngx_file_info_t      fi;
    ei_denylist_t       *dl;
    ngx_pool_cleanup_t  *cln;

    if (hlcf->denylist != NGX_CONF_UNSET_PTR) {
        return "is duplicate";
    }

    value = cf->args->elts;
    name = value[1];
    text = NULL;

    if (ngx_http_ei_hmac_read_file(cf, &cmd->name, &name,
                                   NGX_HTTP_EI_HMAC_DENYLIST_MAX, &text, &len,
                                   &fi)
        != NGX_OK)
    {
        return NGX_CONF_ERROR;
    }

    dl = ngx_pcalloc(cf->pool, sizeof(ei_denylist_t));
    if (dl == NULL) {
        return NGX_CONF_ERROR;
    }

    cln = ngx_pool_cleanup_add(cf->pool, 0);
    if (cln == NULL) {
        return NGX_CONF_ERROR;
    }

    if (ei_denylist_parse(text, len, dl, &line) != 0) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "%V \"%V\" line %uz is not a lowercase hex SHA-256 "
                           "digest or a comment", &cmd->name, &name, line);
        return NGX_CONF_ERROR;
    }

    cln->handler = ngx_http_ei_hmac_denylist_cleanup;
    cln->data = dl;

    hlcf->denylist = dl;

    return NGX_CONF_OK;
}


static void
ngx_http_ei_hmac_denylist_cleanup(void *data)
{
    ei_denylist_free(data);
}


/*
 * Reads a file named in a directive: into *buf when it is set (room for
 * max + 1 bytes), or into memory of the configuration's temporary pool.
 * Logs what is wrong, naming the directive and the file.
 */

static ngx_int_t
ngx_http_ei_hmac_read_file(ngx_conf_t *cf, ngx_str_t *directive,
    ngx_str_t *name, size_t max, u_char **buf, size_t *len,
    ngx_file_info_t *fi)
{
    ssize_t      n;
    ngx_fd_t     fd;
    ngx_err_t    errn;
    ngx_file_t   file;
    const char  *err;

    if (ngx_conf_full_name(cf->cycle, name, 1) != NGX_OK) {
        return NGX_ERROR;
    }

    fd = ngx_open_file(name->data, NGX_FILE_RDONLY, NGX_FILE_OPEN, 0);

    if (fd == NGX_INVALID_FILE) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, ngx_errno,
                           "%V \"%V\" cannot be opened", directive, name);
        return NGX_ERROR;
    }

    ngx_memzero(&file, sizeof(ngx_file_t));
    file.fd = fd;
    file.name = *name;
    file.log = cf->log;

    err = NULL;
    errn = 0;
    n = 0;

    if (ngx_fd_info(fd, fi) == NGX_FILE_ERROR) {
        err = "cannot be read";
        errn = ngx_errno;

    } else if (!ngx_is_file(fi)) {
        err = "is not a regular file";

    } else if (ngx_file_size(fi) > (off_t) max) {
        err = "is too large";

    } else {
        if (*buf == NULL) {
            /* one byte more than the file tells if it grew meanwhile */
            max = (size_t) ngx_file_size(fi);
            *buf = ngx_pnalloc(cf->temp_pool, max + 1);
        }

        n = (*buf == NULL) ? NGX_ERROR
                           : ngx_read_file(&file, *buf, max + 1, 0);

        if (n == NGX_ERROR) {
            err = "cannot be read";
            errn = ngx_errno;

        } else if ((size_t) n > max) {
            err = "is too large";
        }
    }

    if (ngx_close_file(fd) == NGX_FILE_ERROR) {
        ngx_conf_log_error(NGX_LOG_ALERT, cf, ngx_errno,
                           ngx_close_file_n " \"%V\" failed", name);
    }

    if (err) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, errn, "%V \"%V\" %s",
                           directive, name, err);
        return NGX_ERROR;
    }

    *len = (size_t) n;

    return NGX_OK;
}


/*
 * nginx's own ngx_conf_check_num_bounds() does not name the directive; a
 * returned string is printed after it
 */

char *
ngx_http_ei_hmac_check_bounds(ngx_conf_t *cf, void *post, void *data)
{
    ngx_conf_num_bounds_t  *bounds = post;
    ngx_int_t              *np = data;

    u_char  *p, *last;

    if (*np >= bounds->low && *np <= bounds->high) {
        return NGX_CONF_OK;
    }

    p = ngx_pnalloc(cf->pool, 64);
    if (p == NULL) {
        return NGX_CONF_ERROR;
    }

    last = ngx_snprintf(p, 63, "value must be between %i and %i",
                        bounds->low, bounds->high);
    *last = '\0';

    return (char *) p;
}


/*
 * ngx_conf_set_enum_slot() does not name the directive in its error, and
 * its "invalid value" is easily read as the previous directive's.
 */

char *
ngx_http_ei_hmac_set_enum(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    char  *p = conf;

    u_char            names[256], *last;
    ngx_str_t        *value;
    ngx_uint_t       *np, i;
    ngx_conf_enum_t  *e;

    np = (ngx_uint_t *) (p + cmd->offset);

    if (*np != NGX_CONF_UNSET_UINT) {
        return "is duplicate";
    }

    value = cf->args->elts;
    e = cmd->post;
    last = names;

    for (i = 0; e[i].name.len; i++) {
        if (e[i].name.len == value[1].len
            && ngx_strcasecmp(e[i].name.data, value[1].data) == 0)
        {
            *np = e[i].value;
            return NGX_CONF_OK;
        }

        last = ngx_slprintf(last, names + sizeof(names), "%s\"%V\"",
                            i == 0 ? "" : (e[i + 1].name.len ? ", " : " or "),
                            &e[i].name);
    }

    ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                       "invalid value \"%V\" in \"%V\", it must be %*s",
                       &value[1], &cmd->name, (size_t) (last - names), names);

    return NGX_CONF_ERROR;
}
