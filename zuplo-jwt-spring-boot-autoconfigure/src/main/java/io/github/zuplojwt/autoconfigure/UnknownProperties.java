package io.github.zuplojwt.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;

/**
 * The {@code zuplo.*} keys an application sets that are not the starter's, found as Spring Boot
 * binds them (relaxed names, lists and maps alike), each with the nearest key the starter has.
 * Without this a typo such as {@code zuplo.isuer}, or {@code zuplo.audience} for
 * {@code zuplo.audiences}, would be ignored without a word. Only key names are reported, never
 * their values.
 */
final class UnknownProperties {

	private static final String PREFIX = "zuplo";

	/** Read by the version check, before any configuration is bound. */
	private static final String VERSION_CHECK = "zuplo.compatibility-verifier.enabled";

	private static final String ENTRY = "[0]";

	private UnknownProperties() {
	}

	/**
	 * What is wrong with the {@code zuplo.*} keys of the environment, one sentence per
	 * unknown key; empty when every key is the starter's.
	 */
	static List<String> in(Environment environment) {
		List<String> unknown = unboundNames(environment);
		if (unknown.isEmpty()) {
			return List.of();
		}
		List<String> known = knownNames(ZuploJwtProperties.class, PREFIX);
		return unknown.stream().map((name) -> describe(name, known)).toList();
	}

	/**
	 * The names Spring Boot's binder leaves unbound. It stops at the first place it finds
	 * some (an entry of {@code zuplo.issuers} with an unknown key, say), so each round binds
	 * again without the names found so far, until none is left.
	 */
	private static List<String> unboundNames(Environment environment) {
		Iterable<ConfigurationPropertySource> sources = ConfigurationPropertySources.get(environment);
		Set<ConfigurationPropertyName> unbound = new TreeSet<>();
		while (true) {
			Set<ConfigurationPropertyName> known = Set.copyOf(unbound);
			List<ConfigurationPropertySource> remaining = new ArrayList<>();
			sources.forEach((source) -> remaining.add(source.filter((name) -> !known.contains(name))));
			try {
				new Binder(remaining).bind(PREFIX, Bindable.of(ZuploJwtProperties.class),
						new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
				break;
			}
			catch (BindException ex) {
				if (!(ex.getCause() instanceof UnboundConfigurationPropertiesException found)
						|| !unbound.addAll(found.getUnboundProperties()
							.stream()
							.map(ConfigurationProperty::getName)
							.toList())) {
					// A value that does not bind is the settings' to report, naming its key.
					break;
				}
			}
		}
		return unbound.stream().map(Object::toString).filter((name) -> !name.equals(VERSION_CHECK)).toList();
	}

	private static String describe(String name, List<String> known) {
		String sentence = name + " is not a property of the Zuplo JWT starter and is ignored.";
		return nearest(name, known).map((suggestion) -> sentence + " Did you mean " + suggestion + "?")
			.orElse(sentence);
	}

	/**
	 * The known key closest to {@code name}, if any is close enough to be a typo of it: a few
	 * characters apart, or the key with its last word left off ({@code header} for
	 * {@code header-name}).
	 */
	static Optional<String> nearest(String name, List<String> known) {
		String entryless = name.replaceAll("\\[\\d+]", ENTRY);
		Optional<String> shortened = known.stream()
			.filter((candidate) -> candidate.startsWith(entryless + "-"))
			.findFirst();
		Optional<String> nearest = shortened.or(() -> known.stream()
			.filter((candidate) -> distance(entryless, candidate) <= Math.max(2, candidate.length() / 6))
			.min(Comparator.comparingInt((String candidate) -> distance(entryless, candidate))));
		return nearest.map((candidate) -> candidate.replace(ENTRY, entryIndex(name)));
	}

	private static String entryIndex(String name) {
		int open = name.indexOf('[');
		return (open >= 0) ? name.substring(open, name.indexOf(']', open) + 1) : ENTRY;
	}

	/**
	 * The keys of a properties class, in their canonical form: its nested groups by their
	 * own keys, list entries by their first index, and maps by their own key.
	 */
	static List<String> knownNames(Class<?> type, String prefix) {
		List<String> names = new ArrayList<>();
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getReadMethod() == null || property.getName().equals("class")) {
				continue;
			}
			String name = prefix + "." + DataObjectPropertyName.toDashedForm(property.getName());
			Class<?> propertyType = property.getPropertyType();
			if (propertyType.getDeclaringClass() == ZuploJwtProperties.class) {
				names.addAll(knownNames(propertyType, name));
			}
			else if (Collection.class.isAssignableFrom(propertyType) && property.getName().equals("issuers")) {
				names.add(name);
				names.addAll(knownNames(ZuploJwtProperties.Issuer.class, name + ENTRY));
			}
			else if (Map.class.isAssignableFrom(propertyType) || property.getWriteMethod() != null) {
				names.add(name);
			}
		}
		return names;
	}

	/** The Levenshtein distance of two keys: how many characters to change, add or remove. */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
