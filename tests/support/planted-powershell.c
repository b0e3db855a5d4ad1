/* A "powershell.exe" planted beside writeback-wizard.exe by
 * tests/windows-wine.sh. Windows searches the application's own folder first
 * for a program started by bare name; the wizard must start Windows
 * PowerShell by its absolute path in the system directory instead, so this
 * must never run. If it does, it leaves C:\planted-powershell-ran. */
#include <stdio.h>

int main(void)
{
    FILE *f = fopen("C:\\planted-powershell-ran", "w");
    if (f) {
        fputs("the planted powershell.exe was started\n", f);
        fclose(f);
    }
    return 0;
}
