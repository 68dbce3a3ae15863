package org.creditkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.drools.base.util.Drools;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default policy's executable model, compiled when credit-rules is built, so that building an
 * engine from the default policy loads classes instead of generating and compiling Java (seconds).
 *
 * <p>At build time ({@code process-classes}, see credit-rules' pom) {@link #main} checks the default
 * policy exactly as a load would (allow-list, DRL parse, parameters, compile; any problem fails the
 * build) and writes {@value #RESOURCE}: the generated classes, the model's entry point and the rule
 * names and sites. At load, {@link RuleSetCompiler#compile} uses it for any source whose {@code .drl}
 * files are byte for byte the default policy's (parameters are read at run time by the rules, never
 * compiled in, so a source that only changes {@code parameters.json} uses it too, its parameters
 * validated as always) and when the running Drools is the one that generated it; anything else, a
 * custom policy included, is checked and compiled at load as before.
 */
final class PrecompiledPolicy {

    /** Classpath resource holding the precompiled default policy. */
    static final String RESOURCE = RuleSetSource.DEFAULT_POLICY + "precompiled.kjar";
    private static final String META = "creditkit-precompiled.json";
    private static final String MODEL_LIST = "drools-model";
    private static final Logger LOG = LoggerFactory.getLogger(PrecompiledPolicy.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The decoded resource: generated classes, model class names and the rules' metadata. */
    private record Image(String rulesVersion, String droolsVersion, Map<String, byte[]> classes, List<String> models,
            List<String> ruleNames, Map<String, RuleProblem> ruleSites, Map<String, Set<String>> ruleInputs) {
    }

    private PrecompiledPolicy() {
    }

    /** Read once; empty when the resource is absent (e.g. classes compiled by an IDE without the Maven step). */
    private static final class Holder {
        static final Optional<Image> IMAGE = read();
    }

    /**
     * The default policy's precompiled KieBase when {@code source} has its exact rule files and this
     * Drools made it.
     *
     * @param source the sources being compiled
     * @param parameters the source's validated parameters
     * @return the compiled rule set, or empty when the source must be compiled
     */
    static Optional<RuleSetCompiler.Compiled> load(RuleSetSource source, PolicyParameters parameters) {
        Optional<Image> image = Holder.IMAGE;
        if (image.isEmpty() || !image.get().rulesVersion().equals(rulesVersion(source))) {
            return Optional.empty();
        }
        Image im = image.get();
        String drools = Drools.getFullVersion();
        if (!im.droolsVersion().equals(drools)) {
            LOG.info("the precompiled default policy was made by Drools {}, this is {}: compiling it", im.droolsVersion(),
                    drools);
            return Optional.empty();
        }
        GeneratedClasses loader = new GeneratedClasses(PrecompiledPolicy.class.getClassLoader(), im.classes());
        List<Model> models = new ArrayList<>();
        try {
            for (String name : im.models()) {
                models.add((Model) loader.loadClass(name).getConstructor().newInstance());
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.warn("the precompiled default policy cannot be loaded ({}): compiling it", e.toString());
            return Optional.empty();
        }
        KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(models);
        return Optional.of(new RuleSetCompiler.Compiled(kieBase, () -> { }, parameters, im.ruleNames(), im.ruleSites(),
                im.ruleInputs(), true));
    }

    /**
     * The version of a source's rules: SHA-256 of its {@code .drl} file names and contents.
     *
     * @param source the sources
     * @return 64 hex characters
     */
    static String rulesVersion(RuleSetSource source) {
        java.util.SortedMap<String, String> drl = new java.util.TreeMap<>();
        source.files().forEach((name, text) -> {
            if (name.endsWith(".drl")) {
                drl.put(name, text);
            }
        });
        return RuleSetSource.sha256(drl);
    }

    private static Optional<Image> read() {
        byte[] bytes;
        try (InputStream in = PrecompiledPolicy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                LOG.info("{} is not on the classpath: the default policy is compiled at load", RESOURCE);
                return Optional.empty();
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + RESOURCE, e);
        }
        Map<String, byte[]> classes = new HashMap<>();
        List<String> models = new ArrayList<>();
        JsonNode meta = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (name.endsWith(".class")) {
                    classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), zip.readAllBytes());
                } else if (name.equals(MODEL_LIST)) {
                    for (String line : new String(zip.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        if (!line.isBlank()) {
                            models.add(line.strip());
                        }
                    }
                } else if (name.equals(META)) {
                    meta = JSON.readTree(zip.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + RESOURCE, e);
        }
        if (meta == null || models.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " lacks " + (meta == null ? META : MODEL_LIST)
                    + ": rebuild credit-rules");
        }
        List<String> names = new ArrayList<>();
        Map<String, RuleProblem> sites = new LinkedHashMap<>();
        Map<String, Set<String>> inputs = new LinkedHashMap<>();
        for (JsonNode r : meta.get("rules")) {
            String name = r.get("name").asText();
            names.add(name);
            sites.put(name, RuleProblem.of(r.get("file").asText(), r.get("line").asInt(), r.get("column").asInt(), name));
            JsonNode used = r.get("inputs");
            if (used == null || !used.isArray()) {
                throw new IllegalStateException(RESOURCE + " lacks the inputs of rule " + name + ": rebuild credit-rules");
            }
            Set<String> members = new LinkedHashSet<>();
            used.forEach(m -> members.add(m.asText()));
            inputs.put(name, Collections.unmodifiableSet(members));
        }
        return Optional.of(new Image(meta.get("rulesVersion").asText(), meta.get("droolsVersion").asText(),
                Map.copyOf(classes), List.copyOf(models), List.copyOf(names), Map.copyOf(sites), Map.copyOf(inputs)));
    }

    /**
     * Writes the precompiled default policy under a classes directory; run by the build.
     *
     * @param args the classes directory ({@code target/classes})
     * @throws IOException when it cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PrecompiledPolicy CLASSES_DIR");
        }
        long t0 = System.nanoTime();
        RuleSetSource source = RuleSetSource.defaultPolicy();
        RuleSetCompiler.Generated g = RuleSetCompiler.generate(source);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> c : new java.util.TreeMap<>(g.classFiles()).entrySet()) {
                put(zip, c.getKey(), c.getValue());
            }
            put(zip, MODEL_LIST, String.join("\n", g.models()).getBytes(StandardCharsets.UTF_8));
            ObjectNode meta = JSON.createObjectNode();
            meta.put("rulesVersion", rulesVersion(source));
            meta.put("droolsVersion", Drools.getFullVersion());
            ArrayNode rules = meta.putArray("rules");
            for (String name : g.ruleNames()) {
                RuleProblem site = g.ruleSites().get(name);
                ObjectNode rule = rules.addObject().put("name", name).put("file", site.file()).put("line", site.line())
                        .put("column", site.column());
                ArrayNode inputs = rule.putArray("inputs"); // the members its reasons take their lineage from
                g.ruleInputs().getOrDefault(name, Set.of()).forEach(inputs::add);
            }
            put(zip, META, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta));
        }
        Path target = Path.of(args[0]).resolve(RESOURCE);
        Files.createDirectories(target.getParent());
        Files.write(target, out.toByteArray());
        System.out.printf("precompiled the default policy (%d rules, %d classes) into %s in %d ms%n", g.ruleNames().size(),
                g.classFiles().size(), target, (System.nanoTime() - t0) / 1_000_000);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0L); // the same sources give the same bytes
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Defines the generated classes of one loaded model; unloaded with the rule set that holds it. */
    private static final class GeneratedClasses extends ClassLoader {
        private final Map<String, byte[]> classes;

        GeneratedClasses(ClassLoader parent, Map<String, byte[]> classes) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }
    }
}
