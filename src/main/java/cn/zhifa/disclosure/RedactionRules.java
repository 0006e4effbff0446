package cn.zhifa.disclosure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.zhifa.platform.EditedDataFile;

/**
 * The redaction rules in force (R-DISC-4), read from {@code zhifa.disclosure.redaction-rules}
 * (default {@code disclosure/redaction-rules.yml}; if that file is absent, the copy on the class
 * path). Rules are data a legal office edits, not code. A broken file stops the start-up (nothing
 * may be published unredacted); {@link #reload()} keeps the old rules when the new file is broken.
 */
@Component
public class RedactionRules {

	private static final Logger log = LoggerFactory.getLogger(RedactionRules.class);
	static final String CLASSPATH_COPY = "disclosure/redaction-rules.yml";

	private final Path file;
	private volatile Redactor current;

	RedactionRules(@Value("${zhifa.disclosure.redaction-rules:disclosure/redaction-rules.yml}") String file) {
		this.file = Path.of(file);
		this.current = load();
	}

	/** The redactor with the rules in force. */
	public Redactor redactor() {
		return current;
	}

	/** Re-reads the file; returns the number of rules. A broken file throws and leaves the old rules in force. */
	public int reload() {
		Redactor loaded = load();
		current = loaded;
		return loaded.rules().size();
	}

	private Redactor load() {
		EditedDataFile.Text text = EditedDataFile.read(file, CLASSPATH_COPY, "redaction rules");
		Redactor redactor = new Redactor(parse(text.text(), text.source()));
		log.info("Redaction rules: {} rules from {}", redactor.rules().size(), text.source());
		return redactor;
	}

	/** Parses the YAML text of a rules file; every problem names the rule and field. */
	static List<RedactionRule> parse(String yaml, String source) {
		Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		if (!(root instanceof Map<?, ?> map) || !(map.get("rules") instanceof List<?> list) || list.isEmpty()) {
			throw new IllegalStateException(source + ": expected a non-empty list 'rules'");
		}
		List<RedactionRule> rules = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (Object item : list) {
			if (!(item instanceof Map<?, ?> r)) {
				throw new IllegalStateException(source + ": every rule must be a map");
			}
			String id = string(r, "id", source, "?");
			if (!ids.add(id)) {
				throw new IllegalStateException(source + ": rule " + id + " appears twice");
			}
			String label = string(r, "label", source, id);
			RedactionRule.Action action;
			try {
				action = RedactionRule.Action.valueOf(string(r, "action", source, id));
			}
			catch (IllegalArgumentException e) {
				throw new IllegalStateException(source + ": rule " + id + ": action must be KEEP, REPLACE or MASK");
			}
			Pattern pattern;
			try {
				pattern = Pattern.compile(string(r, "pattern", source, id));
			}
			catch (PatternSyntaxException e) {
				throw new IllegalStateException(source + ": rule " + id + ": bad pattern: " + e.getDescription());
			}
			int group = r.get("group") instanceof Number n ? n.intValue() : 0;
			if (group < 0 || group > pattern.matcher("").groupCount()) {
				throw new IllegalStateException(source + ": rule " + id + ": group " + group + " not in the pattern");
			}
			String replacement = r.get("replacement") == null ? null : r.get("replacement").toString();
			if (action == RedactionRule.Action.REPLACE && (replacement == null || replacement.isBlank())) {
				throw new IllegalStateException(source + ": rule " + id + ": REPLACE needs a replacement");
			}
			rules.add(new RedactionRule(id, label, pattern, action, group, replacement));
		}
		return rules;
	}

	private static String string(Map<?, ?> rule, String key, String source, String id) {
		Object value = rule.get(key);
		if (value == null || value.toString().isBlank()) {
			throw new IllegalStateException(source + ": rule " + id + ": '" + key + "' is missing");
		}
		return value.toString();
	}
}
