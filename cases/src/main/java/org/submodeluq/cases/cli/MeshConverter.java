package org.submodeluq.cases.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.submodeluq.fem.spec.MeshResolution;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a mesh option's {@code NXxNY}, such as {@code 80x20}: nx by ny rectangles. */
final class MeshConverter implements ITypeConverter<MeshResolution> {

    /** Two whole numbers > 0 of at most nine digits, so that they fit an int. */
    private static final Pattern NX_BY_NY = Pattern.compile("([1-9]\\d{0,8})x([1-9]\\d{0,8})");

    @Override
    public MeshResolution convert(String value) {
        Matcher matcher = NX_BY_NY.matcher(value.trim());
        if (!matcher.matches()) {
            throw new TypeConversionException("'" + value + "' is not of the form NXxNY with whole numbers > 0, "
                    + "e.g. 80x20");
        }
        return new MeshResolution(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }
}
