package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link ConfigurationMistakeTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class ConfigurationMistakeServletTests extends ConfigurationMistakeTests {

}
