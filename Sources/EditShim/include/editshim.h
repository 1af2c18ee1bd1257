// editshim: fixed-arity wrappers for libedit's variadic el_set/el_get/history, which Swift cannot call.
#ifndef EDITSHIM_H
#define EDITSHIM_H
#include <histedit.h>
#include <stdio.h>

// Swift 6 rejects Glibc's stdin/stdout/stderr globals as shared mutable state; el_init needs the FILE*s.
FILE *shim_stdin(void);
FILE *shim_stdout(void);
FILE *shim_stderr(void);

typedef char *(*shim_prompt_fn)(EditLine *);
typedef unsigned char (*shim_edit_fn)(EditLine *, int);

// EditLine settings. Each returns el_set's result (0 on success, -1 on failure) unless noted.
int shim_el_set_prompt(EditLine *el, shim_prompt_fn fn, char invisible_delimiter);
int shim_el_set_editor(EditLine *el, const char *mode);
const char *shim_el_get_editor(EditLine *el); /* "emacs" or "vi"; NULL on failure */
int shim_el_set_signal(EditLine *el, int on);
int shim_el_set_history(EditLine *el, History *h);
int shim_el_add_function(EditLine *el, const char *name, const char *help, shim_edit_fn fn);
int shim_el_set_clientdata(EditLine *el, void *data);
void *shim_el_get_clientdata(EditLine *el);

// History. Load/save return the entry count (>= 0) or -1; the others return history()'s 0 / -1.
int shim_history_set_size(History *h, int size);
int shim_history_set_unique(History *h, int unique);
int shim_history_enter(History *h, const char *entry);
int shim_history_load(History *h, const char *path);
int shim_history_save(History *h, const char *path);
// Moves the history cursor with a no-argument op (H_FIRST, H_LAST, H_NEXT, H_PREV) and returns the entry there, NULL at an end.
const char *shim_history_step(History *h, int op);
#endif
