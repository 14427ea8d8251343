#ifndef PURSEDESK_CNCURSESW_SHIM_H
#define PURSEDESK_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <signal.h>
#include <ncursesw/curses.h>

/* Macros that Swift cannot import. */
static inline attr_t pd_attr_bold(void) { return A_BOLD; }
static inline attr_t pd_attr_reverse(void) { return A_REVERSE; }
static inline attr_t pd_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t pd_attr_dim(void) { return A_DIM; }
static inline attr_t pd_attr_normal(void) { return A_NORMAL; }
static inline int pd_key_resize(void) { return KEY_RESIZE; }
static inline WINDOW *pd_stdscr(void) { return stdscr; }
static inline int pd_colors(void) { return COLORS; }
static inline int pd_color_pairs(void) { return COLOR_PAIRS; }

static inline int pd_ok(void) { return OK; }
static inline int pd_err(void) { return ERR; }
static inline int pd_ccharw_max(void) { return CCHARW_MAX; }
static inline WINDOW *pd_curscr(void) { return curscr; }

/* From <term.h>, which is not included: its capability macros (lines, columns, ...) clash with ordinary names. */
extern int tputs(const char *, int, int (*)(int));

/* The terminal's cursor-address sequence (terminfo `cup`) for (row, column); NULL without one. */
static inline const char *pd_cursor_address(int row, int column) {
    const char *cup = tigetstr("cup");
    if (cup == 0 || cup == (const char *)-1) return 0;
    return tiparm(cup, row, column);
}

static inline int pd_key_code_yes(void) { return KEY_CODE_YES; }
static inline int pd_key_up(void) { return KEY_UP; }
static inline int pd_key_down(void) { return KEY_DOWN; }
static inline int pd_key_left(void) { return KEY_LEFT; }
static inline int pd_key_right(void) { return KEY_RIGHT; }
static inline int pd_key_home(void) { return KEY_HOME; }
static inline int pd_key_end(void) { return KEY_END; }
static inline int pd_key_ppage(void) { return KEY_PPAGE; }
static inline int pd_key_npage(void) { return KEY_NPAGE; }
static inline int pd_key_dc(void) { return KEY_DC; }
static inline int pd_key_backspace(void) { return KEY_BACKSPACE; }
static inline int pd_key_enter(void) { return KEY_ENTER; }
static inline int pd_key_btab(void) { return KEY_BTAB; }
static inline int pd_key_f0(void) { return KEY_F0; }

/* Installs a plain (non-SA_SIGINFO) handler and saves the previous action so it can be chained. */
static inline int pd_install_signal_handler(int signo, void (*handler)(int), struct sigaction *previous) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    action.sa_handler = handler;
    return sigaction(signo, &action, previous);
}

/* Atomically sets *flag to 1 and returns its old value; usable from a signal handler. */
static inline int pd_claim_flag(volatile int *flag) {
    return __atomic_exchange_n(flag, 1, __ATOMIC_SEQ_CST);
}

#endif
