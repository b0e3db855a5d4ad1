/* Test-only bcryptprimitives.dll for Debian 12's Wine 8, which lacks
 * ProcessPrng: Rust's standard library (since 1.78) asks for it at start-up,
 * and without it the .exe dies with "bcryptprimitives.dll not found".
 * tests/windows-wine.sh builds this with mingw into a temporary directory and
 * puts it beside the .exe inside the throwaway Wine prefix only. It is never
 * shipped (not in dist/, not in the MSI); real Windows (8 and later) has the
 * real DLL. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom, advapi32 */

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x7fffffff ? 0x7fffffff : (ULONG)len;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
