/** Random quadratics ‖Wθ − y‖² (Andrychowicz et al. 2016, §3.1). */
package dev.l2l.tasks.quadratic;
