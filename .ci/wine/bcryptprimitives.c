/*
 * Test scaffolding for `make package-check`, never shipped: a stand-in for
 * Windows' bcryptprimitives.dll in the throwaway Wine prefix that runs the
 * Windows build.
 *
 * Go 1.22 and later get their random numbers at start-up from
 * bcryptprimitives.dll's ProcessPrng, and stop ("ProcessPrng failed") when
 * it is missing. Wine 8, as in Debian 12, has no such DLL. This one does
 * what Windows' does, with RtlGenRandom (advapi32's SystemFunction036),
 * which Wine has. .ci/wine/check builds it only when the installed Wine
 * lacks ProcessPrng.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* Fills data with len random bytes. Windows documents it as always TRUE. */
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
