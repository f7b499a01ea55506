package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link FormParameterTokenTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class FormParameterTokenServletTests extends FormParameterTokenTests {

}
