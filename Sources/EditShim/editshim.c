// editshim: each wrapper pins one el_set/el_get/history operation to a fixed C signature Swift can import.
#include "editshim.h"

FILE *shim_stdin(void) { return stdin; }
FILE *shim_stdout(void) { return stdout; }
FILE *shim_stderr(void) { return stderr; }

// EL_PROMPT_ESC rather than EL_PROMPT: characters between two `invisible_delimiter`s (colour escapes) take no columns.
int shim_el_set_prompt(EditLine *el, shim_prompt_fn fn, char invisible_delimiter) {
    return el_set(el, EL_PROMPT_ESC, fn, invisible_delimiter);
}

int shim_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }

const char *shim_el_get_editor(EditLine *el) {
    const char *mode = NULL;
    return el_get(el, EL_EDITOR, &mode) == 0 ? mode : NULL;
}

int shim_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }

// `history` is itself variadic, so Swift cannot even name it as a function pointer: pass it from here.
int shim_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }

int shim_el_add_function(EditLine *el, const char *name, const char *help, shim_edit_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

int shim_el_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }

void *shim_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    return el_get(el, EL_CLIENTDATA, &data) == 0 ? data : NULL;
}

// history() reports through a HistEvent the caller must supply even when nobody reads it.
int shim_history_set_size(History *h, int size) { HistEvent ev; return history(h, &ev, H_SETSIZE, size); }
int shim_history_set_unique(History *h, int unique) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, unique); }
int shim_history_enter(History *h, const char *entry) { HistEvent ev; return history(h, &ev, H_ENTER, entry); }
int shim_history_load(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_LOAD, path); }
int shim_history_save(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_SAVE, path); }

const char *shim_history_step(History *h, int op) {
    HistEvent ev;
    return history(h, &ev, op) == 0 ? ev.str : NULL;
}
