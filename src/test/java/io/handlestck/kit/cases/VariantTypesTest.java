package io.handlestck.kit.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handlestck.kit.client.HandleOperation;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The variant types the cases act on: what each means, and the names reports show for them. */
class VariantTypesTest {

    @Test
    void anOperationIsFoundByItsCompParameterWithoutCase() {
        assertEquals(Optional.of(HandleOperation.LIST_HANDLES),
                HandleOperation.addressedBy("http://h/a/s/f.txt?comp=ListHandles&maxresults=2"));
        assertEquals(Optional.of(HandleOperation.FORCE_CLOSE_HANDLES),
                HandleOperation.addressedBy("http://h/a/s?marker=x&comp=forceclosehandles"));
        assertEquals(Optional.empty(), HandleOperation.addressedBy("http://h/a/s?restype=share"));
        assertEquals(Optional.empty(), HandleOperation.addressedBy("http://h/a/s/f.txt?comp=rename"));
    }

    @Test
    void operationsAreNamedAsTheSpecificationNamesThem() {
        assertEquals("List Handles", HandleOperation.LIST_HANDLES.toString());
        assertEquals("Force Close Handles", HandleOperation.FORCE_CLOSE_HANDLES.toString());
        assertEquals("forceclosehandles", HandleOperation.FORCE_CLOSE_HANDLES.comp());
    }

    @Test
    void countsAroundThePageSizeAreWhatTheirNamesSay() {
        assertEquals(List.of(4, 5, 6, 11), List.of(PageSizeCount.values()).stream().map(count -> count.handles(5)).toList());
        assertEquals(1, PageSizeCount.BELOW_A_PAGE.handles(1), "a page of one has no count below it but one");
        assertEquals(List.of("size-1", "size", "size+1", "2*size+1"),
                List.of(PageSizeCount.values()).stream().map(Object::toString).toList());
    }

    @Test
    void namedHandlesSayWhichIdIsSentAndWhatStaysOpen() {
        List<String> opened = List.of("11", "12", "13");
        assertEquals("*", NamedHandles.EVERY_HANDLE.handleId(opened));
        assertEquals(Set.of(), NamedHandles.EVERY_HANDLE.leftOpen(opened));
        assertEquals("11", NamedHandles.ONE_HANDLE.handleId(opened));
        assertEquals(Set.of("12", "13"), NamedHandles.ONE_HANDLE.leftOpen(opened));
    }

    @Test
    void noRecursionIsEitherNoHeaderOrFalse() {
        assertEquals(null, NoRecursion.ABSENT.header());
        assertEquals("false", NoRecursion.FALSE.header());
        assertEquals("absent", NoRecursion.ABSENT.toString());
    }
}
