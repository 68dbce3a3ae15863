package org.creditkit.cli;

import org.creditkit.core.synth.GeneratorConfig;
import picocli.CommandLine;

/** Converts {@code H=0.7} (GB/T 4754 section letter = shift) into a {@link GeneratorConfig.GroupBias}. */
final class BiasOption implements CommandLine.ITypeConverter<GeneratorConfig.GroupBias> {

    @Override
    public GeneratorConfig.GroupBias convert(String value) {
        int eq = value.indexOf('=');
        if (eq != 1) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not SECTION=SHIFT, e.g. H=0.7 (section letter A..T of GB/T 4754-2017)");
        }
        double shift;
        try {
            shift = Double.parseDouble(value.substring(2));
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("shift '" + value.substring(2)
                    + "' in '" + value + "' is not a number, e.g. H=0.7");
        }
        try {
            return GeneratorConfig.GroupBias.of(value.charAt(0), shift);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
